package com.returnsgateway.api;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intake.FieldError;
import com.returnsgateway.core.returns.ReturnParcels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator attaches the return parcel's tracking number: {@code POST /api/cases/{id}/return-tracking}
 * {@code {"number": "1Z999AA10123456784", "carrier": "ups"}} (carrier optional). The number is followed like any
 * other return number; a bad one is a 400 problem naming the field.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "cases")
public class ReturnTrackingApi {

    /** Tracking numbers of the carriers the gateway meets: letters, digits and dashes, 6 to 40 of them. */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{4,38}[A-Za-z0-9]");
    private static final Pattern CARRIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}");

    private final Cases cases;
    private final ReturnParcels parcels;
    private final JsonMapper json;

    public ReturnTrackingApi(Cases cases, ReturnParcels parcels, JsonMapper json) {
        this.cases = cases;
        this.parcels = parcels;
        this.json = json;
    }

    /** The body, as documented: read by hand ({@link #attach}) so that each bad field is named. */
    @Schema(description = "The return parcel's tracking number")
    record ReturnTrackingRequest(
            @Schema(description = "6 to 40 letters, digits or dashes", example = "1Z999AA10123456784")
            String number,
            @Schema(description = "The carrier (ups, dhl, ...), up to 32 characters; found from the number when absent")
            @Nullable String carrier) {
    }

    /** A field of the body is wrong. */
    static final class InvalidTrackingException extends RuntimeException {
        final List<FieldError> errors;

        InvalidTrackingException(List<FieldError> errors) {
            super(errors.toString());
            this.errors = errors;
        }
    }

    @PostMapping(value = "/{caseId}/return-tracking", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "attachReturnTracking",
            summary = "Attach the return parcel's tracking number; it is followed like any return number",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReturnTrackingRequest.class))))
    @ApiResponse(responseCode = "200", description = "The number the case follows now")
    @ApiResponse(responseCode = "400", description = "Not a JSON object, or a bad number or carrier, named in errors")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    @ApiResponse(responseCode = "409", description = "The case is not waiting for its return")
    @ApiResponse(responseCode = "413", description = "A body over gateway.api.max-body-size (256KB)")
    @ApiResponse(responseCode = "415", description = "A body that is not application/json")
    public ReturnTrackingAnswer attach(@PathVariable String caseId, @RequestBody byte[] body, Principal principal) {
        cases.get(caseId); // 404 for an unknown case before looking at the body
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedJsonException("The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedJsonException("The body must be a JSON object {\"number\": ..., \"carrier\": ...}");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode numberNode = node.get("number");
        String number = numberNode != null && numberNode.isString() ? numberNode.asString().strip() : null;
        if (number == null || number.isEmpty()) {
            errors.add(new FieldError("number", "the return parcel's tracking number is required (a string)"));
        } else if (!NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("number", "'" + cut(number) + "' is not a tracking number: 6 to 40 letters,"
                    + " digits or dashes"));
        }
        JsonNode carrierNode = node.get("carrier");
        String carrier = null;
        if (carrierNode != null && !carrierNode.isNull()) {
            carrier = carrierNode.isString() ? carrierNode.asString().strip() : "";
            if (!CARRIER.matcher(carrier).matches()) {
                errors.add(new FieldError("carrier", "'" + cut(carrier) + "' is not a carrier name such as ups or"
                        + " dhl (up to 32 letters, digits, spaces, dots, dashes)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTrackingException(errors);
        }
        ReturnParcels.Attached attached = parcels.attach(caseId, number, carrier, "operator api:" + principal.getName());
        if (attached == ReturnParcels.Attached.NOT_WAITING) {
            throw new com.returnsgateway.core.cases.IllegalTransitionException(caseId, cases.get(caseId).status(),
                    cases.get(caseId).status(), "only a case waiting for its return takes a return tracking number");
        }
        return new ReturnTrackingAnswer(caseId, number, carrier, attached);
    }

    @ExceptionHandler(InvalidTrackingException.class)
    ProblemDetail invalid(InvalidTrackingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.errors.size() == 1
                ? "1 field is invalid: " + e.errors.get(0).field()
                : e.errors.size() + " fields are invalid: " + String.join(", ",
                e.errors.stream().map(FieldError::field).toList()));
        problem.setTitle("Invalid return tracking");
        problem.setProperty("errors", e.errors);
        return problem;
    }

    private static String cut(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}

package com.returnsgateway.api;

import com.returnsgateway.core.cases.CaseRepository.InsertResult;
import com.returnsgateway.core.intake.Intake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/returns}: the back office pushes a return request; 202 for a new one, 200 for the same one again,
 * 409 for a known returnId with another body.
 */
@RestController
@RequestMapping("/api/returns")
@Tag(name = "intake", description = "Return requests pushed by the back office")
public class ReturnsApi {

    private final Intake intake;
    private final JsonMapper json;

    public ReturnsApi(Intake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitReturn", summary = "Push a return request; the same one again gets the same case",
            description = "(marketplace, returnId) names one return. One worth more than "
                    + "gateway.intake.api-review-above.<CURRENCY> opens in MANUAL_REVIEW.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(ref = "#/components/schemas/ReturnObject"))))
    @ApiResponse(responseCode = "202", description = "A new return: its case is opened",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The same return again (compared as intake reads both): its case",
            headers = @Header(name = "Location", description = "The case", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Not a JSON object, or invalid fields, each named in errors")
    @ApiResponse(responseCode = "409", description = "A known returnId with another body: caseId, and each field that"
            + " differs in errors; the case keeps the first request")
    @ApiResponse(responseCode = "413", description = "A body over gateway.api.max-body-size (256KB)")
    @ApiResponse(responseCode = "415", description = "A body that is not application/json")
    public ResponseEntity<IntakeAnswer> submit(@RequestBody byte[] body, Principal principal) {
        JsonNode node;
        try {
            node = json.readTree(utf8(body));
        } catch (JacksonException e) {
            // also a document nested deeper than Jackson's StreamReadConstraints allow (500 levels)
            throw new MalformedJsonException("The body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedJsonException("The body is empty: a JSON object describing one return is expected");
        }
        InsertResult result = intake.submit(node, "api:" + principal.getName());
        URI location = URI.create("/api/cases/" + result.caseId());
        HttpStatus status = result.created() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).location(location)
                .body(new IntakeAnswer(result.caseId(), !result.created(), location.toString()));
    }

    /** Strict UTF-8: a malformed byte sequence is refused, not silently turned into U+FFFD. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("The body is not valid UTF-8 (" + firstBadByte(body)
                    + "); send JSON encoded as UTF-8");
        }
    }

    private static String firstBadByte(byte[] body) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(body.length + 1), true);
        return result.isError() ? String.format("byte 0x%02X at offset %d", body[in.position()] & 0xff, in.position())
                : "an incomplete sequence at the end";
    }
}

package com.returnsgateway.sandbox.yunexpress;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.ForwarderSimulator;
import com.returnsgateway.sandbox.SandboxEnabled;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * YunExpress's classic OMS API at {@code /sandbox/yunexpress/oms/api} (the gateway's base-url), over the parcels of
 * forwarder code {@code yunexpress} (status = PackageState as text). Checks the Basic credentials exactly (Code 1002
 * otherwise), takes {@code sandbox.yunexpress.calls-per-second} calls a second (Code 10000 beyond), and answers
 * everything, errors included, in the OMS envelope {@code {Item, Code, Message, RequestId, TimeStamp}}.
 */
@RestController
@RequestMapping("/sandbox/yunexpress/oms")
@SandboxEnabled
public class YunExpressOmsSimulator {

    static final String SUCCESS = "0000";
    static final String CREDENTIALS_REFUSED = "1002";
    static final String BAD_PARAMETER = "1004";
    static final String NO_DATA = "1006";
    static final String REQUEST_LIMIT = "10000";
    // the sandbox's own: YunExpress's codes for a refused intercept are not published (REFERENCE: U)
    static final String ALREADY_OUT = "5012";
    static final String NOT_INTERCEPTABLE = "5013";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));

    private final ForwarderSimulator forwarders;
    private final Faults faults;
    private final YunExpressSimulatorProperties properties;
    private final CallsPerSecond limit;
    private final NextError nextError = new NextError();

    @Autowired
    public YunExpressOmsSimulator(ForwarderSimulator forwarders, Faults faults,
                                  YunExpressSimulatorProperties properties) {
        this(forwarders, faults, properties, Clock.systemUTC());
    }

    YunExpressOmsSimulator(ForwarderSimulator forwarders, Faults faults, YunExpressSimulatorProperties properties,
                           Clock clock) {
        this.forwarders = forwarders;
        this.faults = faults;
        this.properties = properties;
        this.limit = new CallsPerSecond(properties.callsPerSecond(), clock);
    }

    /** Control: the next API call answers this Code (and HTTP status, 200 by default) once. */
    @PutMapping("/next-error")
    public Map<String, Object> nextError(@RequestParam(name = "code", defaultValue = "9999") String code,
                                         @RequestParam(name = "message", defaultValue = "System error") String message,
                                         @RequestParam(name = "status", defaultValue = "200") int status) {
        nextError.set(new NextError.Error(status, code, message));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("api", "yunexpress-oms");
        answer.put("status", status);
        answer.put("code", code);
        answer.put("message", message);
        return answer;
    }

    @GetMapping("/api/Tracking/GetTrackInfo")
    public ResponseEntity<ObjectNode> trackInfo(@RequestHeader(name = "Authorization", required = false) String auth,
                                                @RequestParam(name = "OrderNumber", required = false) String number) {
        Optional<ResponseEntity<ObjectNode>> refused = refused(auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (number == null || number.isBlank()) {
            return envelope(HttpStatus.OK, BAD_PARAMETER, "OrderNumber is required", null);
        }
        Optional<ForwarderSimulator.Parcel> parcel = forwarders.parcel(YunExpressSimulatorProperties.OMS_FORWARDER,
                number.strip());
        if (parcel.isEmpty()) {
            return envelope(HttpStatus.OK, NO_DATA, "No data", null);
        }
        ForwarderSimulator.Parcel p = parcel.get();
        ObjectNode item = YunExpressSimulatorJson.object();
        item.put("WaybillNumber", p.waybill());
        item.put("TrackingNumber", "YT" + p.waybill().replaceAll("[^0-9]", ""));
        putNumberOrText(item, "PackageState", p.status());
        item.put("TrackingStatus", trackingStatus(p.status()));
        ObjectNode event = item.putArray("OrderTrackingDetails").addObject();
        event.put("ProcessDate", TIME.format(p.updatedAt()));
        event.put("ProcessContent", describe(p.status()));
        event.put("ProcessLocation", "Shenzhen");
        event.put("TrackNodeCode", trackingStatus(p.status()));
        return envelope(HttpStatus.OK, SUCCESS, "Success", item);
    }

    @PostMapping("/api/WayBill/Intercept")
    public ResponseEntity<ObjectNode> intercept(@RequestHeader(name = "Authorization", required = false) String auth,
                                                @RequestHeader(name = "Content-Type", required = false) String type,
                                                @RequestBody(required = false) byte[] raw) {
        if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return envelope(HttpStatus.UNSUPPORTED_MEDIA_TYPE, BAD_PARAMETER,
                    "Content-Type must be application/json", null);
        }
        Optional<ResponseEntity<ObjectNode>> refused = refused(auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode body = YunExpressSimulatorJson.parse(raw);
        if (body == null || !body.isObject()) {
            return envelope(HttpStatus.OK, BAD_PARAMETER, "The request body is not a JSON object", null);
        }
        String number = YunExpressSimulatorJson.text(body, "OrderNumber");
        if (number == null) {
            return envelope(HttpStatus.OK, BAD_PARAMETER, "OrderNumber is required", null);
        }
        if (!"1".equals(YunExpressSimulatorJson.text(body, "OrderType"))) {
            return envelope(HttpStatus.OK, BAD_PARAMETER, "OrderType must be 1 (waybill number); the sandbox "
                    + "simulates no other", null);
        }
        ObjectNode request = YunExpressSimulatorJson.object();
        request.put("waybill", number);
        request.put("reason", YunExpressSimulatorJson.text(body, "Remark"));
        // the OMS has no idempotency key: a waybill is intercepted once, and asking again answers as before
        ObjectNode outcome = forwarders.intercept(YunExpressSimulatorProperties.OMS_FORWARDER, "oms:" + number,
                request);
        String result = outcome.get("code").asString();
        if (ForwarderSimulator.NOT_FOUND.equals(result)) {
            return envelope(HttpStatus.OK, NO_DATA, "No data: waybill " + number + " not found", null);
        }
        if (ForwarderSimulator.NOT_IN_FORECAST.equals(result)) {
            return envelope(HttpStatus.OK, ALREADY_OUT, "The parcel has left the warehouse and cannot be intercepted",
                    null);
        }
        if (ForwarderSimulator.NOT_INTERCEPTABLE.equals(result)) {
            return envelope(HttpStatus.OK, NOT_INTERCEPTABLE, "This product cannot be intercepted", null);
        }
        ObjectNode item = YunExpressSimulatorJson.object();
        item.put("OrderNumber", number);
        item.put("Result", "5011"); // as in REFERENCE's example answer; its meaning is not published
        item.put("Type", 1);
        item.put("Remark", "Intercept accepted");
        return envelope(HttpStatus.OK, SUCCESS, "Success", item);
    }

    /** Every other path or method under the API: the OMS envelope, not a problem document. */
    @RequestMapping("/api/**")
    public ResponseEntity<ObjectNode> elsewhere(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean known = path.endsWith("/api/Tracking/GetTrackInfo") || path.endsWith("/api/WayBill/Intercept");
        return known ? envelope(HttpStatus.METHOD_NOT_ALLOWED, BAD_PARAMETER, "Method " + request.getMethod()
                + " is not allowed here", null)
                : envelope(HttpStatus.NOT_FOUND, BAD_PARAMETER, "No such API: " + path, null);
    }

    /** Faults, a told error, the request limit, then the credentials: the answer when one of them refuses. */
    private Optional<ResponseEntity<ObjectNode>> refused(String authorization) {
        faults.apply();
        NextError.Error error = nextError.take();
        if (error != null) {
            return Optional.of(envelope(HttpStatus.valueOf(error.status()), error.code(), error.message(), null));
        }
        if (!limit.take()) {
            return Optional.of(envelope(HttpStatus.OK, REQUEST_LIMIT, "Request limit: too many requests", null));
        }
        String expected = properties.customerCode() + "&" + properties.apiSecret();
        if (authorization == null || !authorization.startsWith("Basic ")
                || !expected.equals(decoded(authorization.substring(6).strip()))) {
            return Optional.of(envelope(HttpStatus.OK, CREDENTIALS_REFUSED, "CustomerCode or ApiSecret is incorrect",
                    null));
        }
        return Optional.empty();
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ResponseEntity<ObjectNode> envelope(HttpStatus status, String code, String message, ObjectNode item) {
        ObjectNode body = YunExpressSimulatorJson.object();
        if (item == null) {
            body.putNull("Item");
        } else {
            body.set("Item", item);
        }
        body.put("Code", code);
        body.put("Message", message);
        body.put("RequestId", UUID.randomUUID().toString().replace("-", ""));
        body.put("TimeStamp", TIME.format(java.time.Instant.now()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static void putNumberOrText(ObjectNode node, String field, String value) {
        if (value.matches("\\d{1,9}")) {
            node.put(field, Integer.parseInt(value));
        } else {
            node.put(field, value);
        }
    }

    /** The TrackingStatus (REFERENCE, C3) that goes with a PackageState. */
    private static int trackingStatus(String packageState) {
        return switch (packageState) {
            case "1" -> 10;
            case "2" -> 20;
            case "3", "4" -> 50;
            case "5" -> 100;
            case "6" -> 40;
            case "7" -> 90;
            default -> 0;
        };
    }

    private static String describe(String packageState) {
        return switch (packageState) {
            case "1" -> "Shipment information received";
            case "2" -> "Departed from the origin facility";
            case "3" -> "Delivered";
            case "4" -> "Received by the consignee";
            case "5" -> "Shipment cancelled";
            case "6" -> "Delivery attempt failed";
            case "7" -> "Returned to sender";
            default -> "Not found";
        };
    }
}

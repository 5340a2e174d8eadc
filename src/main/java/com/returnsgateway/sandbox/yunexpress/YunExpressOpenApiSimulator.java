package com.returnsgateway.sandbox.yunexpress;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.ForwarderSimulator;
import com.returnsgateway.sandbox.SandboxEnabled;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * YunExpress's OpenAPI at {@code /sandbox/yunexpress/openapi} (the gateway's base-url), over the parcels of forwarder
 * code {@code yunexpress-open} (status = package_status letter). Issues tokens for its own app id and secret, checks
 * each call's token (401 when unknown or expired) and its signature, recomputed over the raw bytes received (403 when
 * it does not match), takes {@code sandbox.yunexpress.calls-per-second} calls a second (429 with Retry-After beyond),
 * and answers in the envelope {@code {success, code, msg, request_id, result}}, errors included.
 */
@RestController
@RequestMapping(YunExpressOpenApiSimulator.BASE)
@SandboxEnabled
public class YunExpressOpenApiSimulator {

    static final String BASE = "/sandbox/yunexpress/openapi";
    // the sandbox's own: YunExpress's codes for a refused hold are not published (REFERENCE: U)
    static final String NOT_FOUND = "40004";
    static final String ALREADY_OUT = "40010";
    static final String NOT_HOLDABLE = "40011";
    /** How far a call's {@code date} may be from the simulator's clock before its signature is refused. */
    private static final Duration DATE_TOLERANCE = Duration.ofMinutes(10);

    private final ForwarderSimulator forwarders;
    private final Faults faults;
    private final YunExpressSimulatorProperties properties;
    private final Clock clock;
    private final CallsPerSecond limit;
    private final NextError nextError = new NextError();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    @Autowired
    public YunExpressOpenApiSimulator(ForwarderSimulator forwarders, Faults faults,
                                      YunExpressSimulatorProperties properties) {
        this(forwarders, faults, properties, Clock.systemUTC());
    }

    YunExpressOpenApiSimulator(ForwarderSimulator forwarders, Faults faults, YunExpressSimulatorProperties properties,
                               Clock clock) {
        this.forwarders = forwarders;
        this.faults = faults;
        this.properties = properties;
        this.clock = clock;
        this.limit = new CallsPerSecond(properties.callsPerSecond(), clock);
    }

    /** Control: the next API call answers this HTTP status with this code and message once. */
    @PutMapping("/next-error")
    public Map<String, Object> nextError(@RequestParam(name = "status", defaultValue = "500") int status,
                                         @RequestParam(name = "code", defaultValue = "500") String code,
                                         @RequestParam(name = "msg", defaultValue = "system error") String msg) {
        nextError.set(new NextError.Error(status, code, msg));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("api", "yunexpress-openapi");
        answer.put("status", status);
        answer.put("code", code);
        answer.put("msg", msg);
        return answer;
    }

    @PostMapping("/openapi/oauth2/token")
    public ResponseEntity<ObjectNode> token(@RequestHeader(name = "Content-Type", required = false) String type,
                                            @RequestBody(required = false) byte[] raw) {
        Optional<ResponseEntity<ObjectNode>> refused = unsupported(type).or(this::throttled);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode body = YunExpressSimulatorJson.parse(raw);
        if (!"client_credentials".equals(YunExpressSimulatorJson.text(body, "grantType"))) {
            return envelope(HttpStatus.BAD_REQUEST, false, "400", "grantType must be client_credentials", null);
        }
        if (!properties.appId().equals(YunExpressSimulatorJson.text(body, "appId"))
                || !properties.appSecret().equals(YunExpressSimulatorJson.text(body, "appSecret"))) {
            return envelope(HttpStatus.UNAUTHORIZED, false, "401", "appId or appSecret is incorrect", null);
        }
        Instant now = clock.instant();
        tokens.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, now.plus(properties.tokenLifetime()));
        // as published: {accessToken, expiresIn} (seconds), not in the envelope
        ObjectNode answer = YunExpressSimulatorJson.object();
        answer.put("accessToken", token);
        answer.put("expiresIn", properties.tokenLifetime().toSeconds());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @GetMapping("/v1/track-service/info/get")
    public ResponseEntity<ObjectNode> track(HttpServletRequest request,
                                            @RequestParam(name = "order_number", required = false) String number) {
        Optional<ResponseEntity<ObjectNode>> refused = refused(request, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (number == null || number.isBlank()) {
            return envelope(HttpStatus.BAD_REQUEST, false, "400", "order_number is required", null);
        }
        ObjectNode entry = YunExpressSimulatorJson.object();
        forwarders.parcel(YunExpressSimulatorProperties.OPENAPI_FORWARDER, number.strip()).ifPresentOrElse(p -> {
            entry.put("waybill_number", p.waybill());
            entry.put("order_number", p.waybill());
            entry.put("tracking_number", "YT" + p.waybill().replaceAll("[^0-9]", ""));
            entry.put("package_status", p.status());
            entry.put("update_time", p.updatedAt().toString());
        }, () -> {
            entry.put("order_number", number.strip());
            entry.put("package_status", "N"); // not found
        });
        if ("list".equalsIgnoreCase(properties.trackResultShape())) {
            ArrayNode list = YunExpressSimulatorJson.object().arrayNode();
            list.add(entry);
            return envelope(HttpStatus.OK, true, "0", "success", list);
        }
        return envelope(HttpStatus.OK, true, "0", "success", entry);
    }

    @PostMapping("/v1/order/hold")
    public ResponseEntity<ObjectNode> hold(HttpServletRequest request,
                                           @RequestHeader(name = "Content-Type", required = false) String type,
                                           @RequestBody(required = false) byte[] raw) {
        Optional<ResponseEntity<ObjectNode>> refused = unsupported(type).or(() -> refused(request, raw));
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode body = YunExpressSimulatorJson.parse(raw);
        String number = YunExpressSimulatorJson.text(body, "waybill_number");
        if (number == null) {
            return envelope(HttpStatus.BAD_REQUEST, false, "400", "waybill_number is required", null);
        }
        ObjectNode intercept = YunExpressSimulatorJson.object();
        intercept.put("waybill", number);
        intercept.put("reason", YunExpressSimulatorJson.text(body, "remark"));
        // no idempotency key in the API: a waybill is held once, and asking again answers as before
        ObjectNode outcome = forwarders.intercept(YunExpressSimulatorProperties.OPENAPI_FORWARDER, "openapi:" + number,
                intercept);
        String result = outcome.get("code").asString();
        if (ForwarderSimulator.NOT_FOUND.equals(result)) {
            return envelope(HttpStatus.OK, false, NOT_FOUND, "order " + number + " does not exist", null);
        }
        if (ForwarderSimulator.NOT_IN_FORECAST.equals(result)) {
            return envelope(HttpStatus.OK, false, ALREADY_OUT, "the order has been shipped and cannot be held", null);
        }
        if (ForwarderSimulator.NOT_INTERCEPTABLE.equals(result)) {
            return envelope(HttpStatus.OK, false, NOT_HOLDABLE, "this product cannot be held", null);
        }
        ObjectNode held = YunExpressSimulatorJson.object();
        held.put("waybill_number", number);
        return envelope(HttpStatus.OK, true, "0", "success", held);
    }

    /** Every other path or method under the API: the envelope, not a problem document. */
    @RequestMapping({"/openapi/**", "/v1/**"})
    public ResponseEntity<ObjectNode> elsewhere(HttpServletRequest request) {
        String path = request.getRequestURI().substring(BASE.length());
        boolean known = path.equals("/openapi/oauth2/token") || path.equals("/v1/track-service/info/get")
                || path.equals("/v1/order/hold");
        return known ? envelope(HttpStatus.METHOD_NOT_ALLOWED, false, "405", "method " + request.getMethod()
                + " is not allowed", null)
                : envelope(HttpStatus.NOT_FOUND, false, "404", "no such API: " + path, null);
    }

    private Optional<ResponseEntity<ObjectNode>> unsupported(String type) {
        if (type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return Optional.empty();
        }
        return Optional.of(envelope(HttpStatus.UNSUPPORTED_MEDIA_TYPE, false, "415",
                "Content-Type must be application/json", null));
    }

    /** Faults, a told error, then the request limit. */
    private Optional<ResponseEntity<ObjectNode>> throttled() {
        faults.apply();
        NextError.Error error = nextError.take();
        if (error != null) {
            return Optional.of(envelope(HttpStatus.valueOf(error.status()), false, error.code(), error.message(),
                    null));
        }
        if (!limit.take()) {
            ResponseEntity<ObjectNode> tooMany = envelope(HttpStatus.TOO_MANY_REQUESTS, false, "429",
                    "too many requests", null);
            return Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_JSON).body(tooMany.getBody()));
        }
        return Optional.empty();
    }

    /** {@link #throttled}, then the token (401) and the signature over the bytes received (403). */
    private Optional<ResponseEntity<ObjectNode>> refused(HttpServletRequest request, byte[] raw) {
        Optional<ResponseEntity<ObjectNode>> throttled = throttled();
        if (throttled.isPresent()) {
            return throttled;
        }
        String token = request.getHeader("token");
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            return Optional.of(envelope(HttpStatus.UNAUTHORIZED, false, "401", "token is invalid or expired", null));
        }
        String date = request.getHeader("date");
        String sign = request.getHeader("sign");
        if (date == null || !date.matches("\\d{1,15}") || sign == null) {
            return Optional.of(envelope(HttpStatus.FORBIDDEN, false, "403", "date and sign headers are required",
                    null));
        }
        if (Duration.between(Instant.ofEpochMilli(Long.parseLong(date)), clock.instant()).abs()
                .compareTo(DATE_TOLERANCE) > 0) {
            return Optional.of(envelope(HttpStatus.FORBIDDEN, false, "403", "date is too far from now", null));
        }
        byte[] expected = signature(raw, date, request.getMethod(), request.getRequestURI().substring(BASE.length()));
        if (!MessageDigest.isEqual(expected, sign.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(envelope(HttpStatus.FORBIDDEN, false, "403", "sign does not match", null));
        }
        return Optional.empty();
    }

    /** Base64(HMAC-SHA256(appSecret, "body=<raw bytes>&date=..&method=..&uri=..")), body= left out when empty. */
    private byte[] signature(byte[] raw, String date, String method, String path) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        if (raw != null && raw.length > 0) {
            signed.writeBytes("body=".getBytes(StandardCharsets.UTF_8));
            signed.writeBytes(raw);
            signed.writeBytes("&".getBytes(StandardCharsets.UTF_8));
        }
        signed.writeBytes(("date=" + date + "&method=" + method + "&uri=" + path).getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encode(mac.doFinal(signed.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseEntity<ObjectNode> envelope(HttpStatus status, boolean success, String code, String msg,
                                               JsonNode result) {
        ObjectNode body = YunExpressSimulatorJson.object();
        body.put("success", success);
        body.put("code", code);
        body.put("msg", msg);
        body.put("request_id", UUID.randomUUID().toString());
        if (result == null) {
            body.putNull("result");
        } else {
            body.set("result", result);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}

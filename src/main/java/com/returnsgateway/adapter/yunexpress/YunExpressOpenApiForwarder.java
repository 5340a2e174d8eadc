package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * YunExpress's OpenAPI ({@code type: yunexpress-openapi}): an access token from {@code POST /openapi/oauth2/token},
 * kept until shortly before it expires and fetched again once when a call answers 401; every call signed
 * ({@link OpenApiSignature}) with headers {@code token}, {@code date}, {@code sign}. Envelope
 * {@code {success, code, msg, request_id, result}}. Status from {@code GET /v1/track-service/info/get}
 * ({@code package_status} N, F, T, D, E, R, C is the code mapped by the status profile); its {@code result} has been
 * seen both as one object and as a list of objects, and either is read. Intercept by {@code POST /v1/order/hold},
 * answered at once.
 */
@Component
public class YunExpressOpenApiForwarder implements ForwarderPort {

    static final String TOKEN_PATH = "/openapi/oauth2/token";
    static final String TRACK_PATH = "/v1/track-service/info/get";
    static final String HOLD_PATH = "/v1/order/hold";
    /** Used when the token answer gives no lifetime: short, so a token that lives less is soon fetched again. */
    private static final Duration UNSTATED_LIFETIME = Duration.ofMinutes(5);

    private final GatewayProperties properties;
    private final YunExpressAccounts accounts;
    private final RemoteCalls calls;
    private final YunExpressJson json;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> tokenLocks = new ConcurrentHashMap<>();

    YunExpressOpenApiForwarder(GatewayProperties properties, YunExpressAccounts accounts, RemoteCalls calls,
                               JsonMapper json, Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.calls = calls;
        this.json = new YunExpressJson(json);
        this.clock = clock;
    }

    private record Token(String value, Instant renewAt) {
    }

    @Override
    public String type() {
        return OpenApiSettings.TYPE;
    }

    @Override
    public Abilities abilities() {
        return new Abilities(true, Answer.AT_ONCE);
    }

    @Override
    public ParcelStatus status(String forwarder, String waybill) {
        String what = "forwarder " + forwarder + " (status of " + waybill + ")";
        JsonNode envelope = envelope(forwarder, signed(forwarder, "GET", TRACK_PATH,
                "order_number=" + URLEncoder.encode(waybill, StandardCharsets.UTF_8), null, what), what);
        if (!envelope.path("success").asBoolean(false)) {
            throw RemoteCallException.permanent(what + " answered success false, code "
                    + YunExpressJson.text(envelope, "code") + ": " + YunExpressJson.text(envelope, "msg"));
        }
        JsonNode entry = YunExpressJson.entryFor(envelope.get("result"), waybill,
                "waybill_number", "order_number", "tracking_number", "customer_order_number");
        if (entry == null) {
            return ParcelStatus.unknownWaybill();
        }
        String status = YunExpressJson.text(entry, "package_status");
        if (status == null) {
            throw RemoteCallException.permanent(what + " answered without a package_status: "
                    + HttpResponses.oneLine(envelope.toString()));
        }
        return ParcelStatus.of(status, "");
    }

    @Override
    public InterceptAnswer intercept(String forwarder, InterceptRequest request) {
        String what = "forwarder " + forwarder + " (intercept " + request.waybill() + ")";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("waybill_number", request.waybill());
        body.put("remark", request.reason() == null ? "" : request.reason());
        JsonNode envelope = envelope(forwarder, signed(forwarder, "POST", HOLD_PATH, null, json.write(body), what),
                what);
        String code = YunExpressJson.text(envelope, "code");
        String message = YunExpressJson.text(envelope, "msg");
        JsonNode success = envelope.get("success");
        if (success == null || !success.isBoolean()) {
            throw RemoteCallException.permanent(what + " answered without success true or false: "
                    + HttpResponses.oneLine(envelope.toString()));
        }
        return InterceptAnswer.of(new InterceptOutcome(success.booleanValue() ? InterceptOutcome.Result.ACCEPTED
                : InterceptOutcome.Result.REJECTED, code, message));
    }

    /** A signed call; a 401 (the token expired early or was revoked) fetches a new token and sends it once more. */
    private RemoteAnswer signed(String forwarder, String method, String path, String query, String body, String what) {
        RemoteAnswer answer = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            String token = token(forwarder);
            long date = clock.millis();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("token", token);
            headers.put("date", Long.toString(date));
            headers.put("sign", OpenApiSignature.sign(accounts.openApi(forwarder).appSecret(),
                    OpenApiSignature.stringToSign(body, date, method, path)));
            answer = calls.call(new RemoteCall(RemoteSystem.forwarder(forwarder), method,
                    url(forwarder, path) + (query == null ? "" : "?" + query),
                    body == null ? null : "application/json;charset=UTF-8", body, headers, what));
            if (answer.status() != 401) {
                return answer;
            }
            // forgotten only if no other worker has put a newer token meanwhile
            tokens.computeIfPresent(forwarder, (f, cached) -> cached.value().equals(token) ? null : cached);
        }
        return answer;
    }

    /** The envelope of a 2xx answer; refused credentials, throttling and server errors thrown as what they are. */
    private JsonNode envelope(String forwarder, RemoteAnswer answer, String what) {
        if (answer.status() == 401 || answer.status() == 403) {
            JsonNode said = json.lenient(answer.body());
            throw RemoteCallException.credentialsRefused("forwarder " + forwarder, what + " refused the token or "
                    + "signature (HTTP " + answer.status() + (said == null ? "" : ", code "
                    + YunExpressJson.text(said, "code") + ": " + YunExpressJson.text(said, "msg"))
                    + "): check gateway.forwarders." + forwarder + ".yunexpress-openapi.app-id and .app-secret");
        }
        return json.object(answer.requireSuccess(), what);
    }

    /** The cached token, or a new one when there is none or it is about to expire. */
    private String token(String forwarder) {
        Token token = tokens.get(forwarder);
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        synchronized (tokenLocks.computeIfAbsent(forwarder, f -> new Object())) {
            token = tokens.get(forwarder);
            if (token == null || !clock.instant().isBefore(token.renewAt())) {
                token = fetchToken(forwarder);
                tokens.put(forwarder, token);
            }
            return token.value();
        }
    }

    private Token fetchToken(String forwarder) {
        String what = "forwarder " + forwarder + " (access token)";
        OpenApiSettings settings = accounts.openApi(forwarder);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grantType", "client_credentials");
        body.put("appId", settings.appId().strip());
        body.put("appSecret", settings.appSecret().strip());
        RemoteAnswer answer = calls.call(new RemoteCall(RemoteSystem.forwarder(forwarder), "POST",
                url(forwarder, TOKEN_PATH), "application/json;charset=UTF-8", json.write(body), Map.of(), what));
        JsonNode node = envelope(forwarder, answer, what);
        // {accessToken, expiresIn} as published; inside an envelope's result is read too
        JsonNode result = node.has("accessToken") ? node : node.path("result");
        String value = YunExpressJson.text(result, "accessToken");
        if (value == null) {
            if (node.has("success") && !node.path("success").asBoolean(true)) {
                throw RemoteCallException.credentialsRefused("forwarder " + forwarder, what + " refused the app id "
                        + "and secret (code " + YunExpressJson.text(node, "code") + ": " + YunExpressJson.text(node, "msg")
                        + "): check gateway.forwarders." + forwarder + ".yunexpress-openapi.app-id and .app-secret");
            }
            throw RemoteCallException.permanent(what + " answered without an accessToken");
        }
        Duration lifetime = seconds(YunExpressJson.text(result, "expiresIn"));
        // renewed a minute before it expires (a tenth of its life for a short one), never used to the last second
        Duration margin = lifetime.dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? lifetime.dividedBy(10)
                : Duration.ofMinutes(1);
        return new Token(value, clock.instant().plus(lifetime).minus(margin));
    }

    private static Duration seconds(String expiresIn) {
        try {
            long seconds = expiresIn == null ? 0 : Long.parseLong(expiresIn);
            return seconds > 0 ? Duration.ofSeconds(seconds) : UNSTATED_LIFETIME;
        } catch (NumberFormatException e) {
            return UNSTATED_LIFETIME;
        }
    }

    private String url(String forwarder, String path) {
        return properties.forwarders().get(forwarder).url(path);
    }
}

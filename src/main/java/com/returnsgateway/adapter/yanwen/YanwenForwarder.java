package com.returnsgateway.adapter.yanwen;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Yanwen's tracking API: {@code GET {base}/api/tracking?nums={waybill}} with {@code Authorization: <customer number>}
 * answers {@code {code: 0, result: [{tracking_number, tracking_status, checkpoints: [...]}]}}. The status code is the
 * parcel's latest {@code tracking_status} (OR10, PU10, LM40, ...: status profile {@code yanwen}); {@code NOTFOUND}
 * means Yanwen does not know the number. Yanwen has no intercept API (REFERENCE "Yanwen").
 */
@Component
public class YanwenForwarder implements ForwarderPort {

    static final String NOT_FOUND = "NOTFOUND";

    /**
     * Envelope codes taken as a refused customer number. Unconfirmed (REFERENCE grades the envelope only): Yanwen's
     * error codes are not published; these are the HTTP-like codes its answers are reported to use, and the sandbox's.
     */
    static final Set<Integer> REFUSED_CODES = Set.of(401, 403);

    private final GatewayProperties properties;
    private final YanwenAccounts accounts;
    private final RemoteCalls calls;
    private final JsonMapper json;

    YanwenForwarder(GatewayProperties properties, YanwenAccounts accounts, RemoteCalls calls, JsonMapper json) {
        this.properties = properties;
        this.accounts = accounts;
        this.calls = calls;
        this.json = json;
    }

    @Override
    public String type() {
        return YanwenSettings.TYPE;
    }

    @Override
    public Abilities abilities() {
        return new Abilities(false, Answer.AT_ONCE);
    }

    @Override
    public ParcelStatus status(String forwarder, String waybill) {
        String who = "forwarder " + forwarder;
        String url = properties.forwarders().get(forwarder).url("/api/tracking?nums="
                + URLEncoder.encode(waybill, StandardCharsets.UTF_8));
        RemoteCall call = RemoteCall.get(RemoteSystem.forwarder(forwarder), url, who + " (status of " + waybill + ")")
                .withHeaders(Map.of("Authorization", accounts.customerNumber(forwarder)));
        RemoteAnswer answer = calls.call(call);
        if (answer.status() == 401 || answer.status() == 403) {
            throw RemoteCallException.credentialsRefused(who, who + " refused the customer number (HTTP "
                    + answer.status() + "): check gateway.forwarders." + forwarder + ".yanwen.customer-number");
        }
        String body = answer.requireSuccess();
        JsonNode root = read(body, who);
        int code = root.path("code").asInt(Integer.MIN_VALUE);
        if (code != 0) {
            String message = root.path("message").asString(root.path("msg").asString(""));
            if (REFUSED_CODES.contains(code)) {
                throw RemoteCallException.credentialsRefused(who, who + " refused the customer number (code " + code
                        + ", " + message + "): check gateway.forwarders." + forwarder + ".yanwen.customer-number");
            }
            throw RemoteCallException.permanent(who + " answered code " + (code == Integer.MIN_VALUE ? "(none)" : code)
                    + " for " + waybill + ": " + HttpResponses.oneLine(body));
        }
        JsonNode parcel = find(root.path("result"), waybill);
        if (parcel == null) {
            throw RemoteCallException.permanent(who + " answered no result for " + waybill + ": "
                    + HttpResponses.oneLine(body));
        }
        return YanwenTracking.status(parcel, who);
    }

    /** Never called: {@link #abilities()} says Yanwen cannot be asked to stop a parcel, so operations get a task. */
    @Override
    public InterceptAnswer intercept(String forwarder, InterceptRequest request) {
        throw new IllegalStateException("forwarder " + forwarder + " (type yanwen) has no intercept API: the core "
                + "must give operations a task for " + request.waybill() + " instead of calling intercept");
    }

    private JsonNode read(String body, String who) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw RemoteCallException.permanent(who + " answered a status that is not a JSON object: "
                        + HttpResponses.oneLine(body));
            }
            return node;
        } catch (JacksonException e) {
            throw RemoteCallException.permanent(who + " answered a status with invalid JSON: "
                    + HttpResponses.oneLine(body));
        }
    }

    /** The entry for this number; the only entry when Yanwen echoes the number in another form (case, spaces). */
    private static JsonNode find(JsonNode results, String waybill) {
        if (!results.isArray() || results.isEmpty()) {
            return null;
        }
        for (JsonNode result : results) {
            if (waybill.equalsIgnoreCase(result.path("tracking_number").asString("").strip())) {
                return result;
            }
        }
        return results.size() == 1 ? results.get(0) : null;
    }
}

package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A forwarder speaking the gateway's HTTP contract: {@code GET {base}/shipments/{waybill}} answers
 * {@code {"status": "<its own code>"}} (404: unknown waybill); {@code POST {base}/intercepts} with an Idempotency-Key
 * answers {@code {"outcome": "ACCEPTED"|"REJECTED", "code", "message"}} at once.
 */
@Component
public class GenericForwarder implements ForwarderPort {

    public static final String TYPE = "http";

    private final GenericApi api;

    GenericForwarder(GenericApi api) {
        this.api = api;
    }

    /**
     * What {@code POST {base}/intercepts} sends; described as {@code InterceptRequest} in
     * {@code openapi/forwarder-contract.yaml} ({@code GatewayContractsTest} holds the two together).
     *
     * @param reference the gateway's case id
     */
    record InterceptBody(String waybill, String reason, String reference) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Abilities abilities() {
        return new Abilities(true, Answer.AT_ONCE);
    }

    @Override
    public ParcelStatus status(String forwarder, String waybill) {
        String who = "forwarder " + forwarder;
        RemoteAnswer answer = api.get(RemoteSystem.forwarder(forwarder),
                api.forwarderUrl(forwarder, "/shipments/" + URLEncoder.encode(waybill, StandardCharsets.UTF_8)),
                who + " (status of " + waybill + ")");
        if (answer.notFound()) {
            return ParcelStatus.unknownWaybill();
        }
        String body = answer.requireSuccess();
        JsonNode status = api.object(body, who, "").get("status");
        if (status == null || status.isNull()) {
            throw RemoteCallException.permanent(who + " answered without a \"status\": " + HttpResponses.oneLine(body));
        }
        if (!status.isString() || status.asString().isBlank()) {
            throw RemoteCallException.permanent(who + " answered a \"status\" that is not a status code ("
                    + status.getNodeType().name().toLowerCase() + "): " + HttpResponses.oneLine(body));
        }
        String code = status.asString().trim();
        if (code.length() > 64 || code.chars().anyMatch(Character::isISOControl)) {
            throw RemoteCallException.permanent(who + " answered a \"status\" that is not a status code (too long or "
                    + "with control characters): " + HttpResponses.oneLine(body));
        }
        return ParcelStatus.of(code, "");
    }

    @Override
    public InterceptAnswer intercept(String forwarder, InterceptRequest request) {
        String who = "forwarder " + forwarder;
        InterceptBody body = new InterceptBody(request.waybill(), request.reason(), request.caseId());
        String answer = api.postJson(RemoteSystem.forwarder(forwarder), api.forwarderUrl(forwarder, "/intercepts"),
                body, request.idempotencyKey(), who + " (intercept " + request.waybill() + ")");
        if (answer == null || answer.isBlank()) {
            throw RemoteCallException.permanent(who + " answered an intercept with an empty body; whether it stopped "
                    + "the parcel is not known");
        }
        JsonNode node = api.object(answer, who, "an intercept ");
        JsonNode outcome = node.get("outcome");
        String result = outcome == null || !outcome.isString() ? null : outcome.asString();
        if (!"ACCEPTED".equals(result) && !"REJECTED".equals(result)) {
            throw RemoteCallException.permanent(who + " answered an intercept without outcome ACCEPTED or REJECTED: "
                    + HttpResponses.oneLine(answer));
        }
        return InterceptAnswer.of(new InterceptOutcome(InterceptOutcome.Result.valueOf(result),
                JsonAnswers.text(node, "code"), JsonAnswers.text(node, "message")));
    }
}

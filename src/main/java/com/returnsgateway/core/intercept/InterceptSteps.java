package com.returnsgateway.core.intercept;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.intercept.InterceptRepository.InterceptRecord;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.shipment.ShipmentLookup;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intercept step. The request and its idempotency key are stored before the first call; an outcome once known
 * is never asked for again, and every re-send carries the same key.
 */
@Component
public class InterceptSteps {

    private final Cases cases;
    private final InterceptRepository intercepts;
    private final ShipmentLookup lookup;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public InterceptSteps(Cases cases, InterceptRepository intercepts, ShipmentLookup lookup,
                          GatewayProperties properties, JsonMapper json, Clock clock) {
        this.cases = cases;
        this.intercepts = intercepts;
        this.lookup = lookup;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void plan(@Variable("caseId") String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        var shipment = lookup.find(returnCase.request()).orElseThrow();
        intercepts.insertIfAbsent(caseId, "returns-gateway:" + caseId + ":intercept", shipment.forwarder(),
                shipment.waybill(), clock.instant());
        ReturnCase moved = cases.moveTo(caseId, CaseStatus.INTERCEPT_REQUESTED,
                "Parcel still at forwarder " + shipment.forwarder() + ": intercept of " + shipment.waybill() + " requested");
        exchange.setVariable("status", moved.status().name());
        exchange.setVariable("phase", moved.phase().name());
    }

    /**
     * Sets {@code interceptOutcome} when the forwarder already answered (a resumed case), else the call's
     * {@code interceptUrl}, {@code idempotencyKey} and JSON body.
     */
    public String prepareCall(@Variable("caseId") String caseId, Exchange exchange) {
        InterceptRecord record = intercepts.find(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no stored intercept request"));
        exchange.setVariable("forwarder", record.forwarder());
        exchange.setVariable("waybill", record.waybill());
        exchange.setVariable("interceptOutcome", record.outcome() == null ? null : record.outcome().result().name());
        exchange.setVariable("idempotencyKey", record.idempotencyKey());
        GatewayProperties.Forwarder forwarder = properties.forwarders().get(record.forwarder());
        exchange.setVariable("transport", forwarder.isSftp() ? "sftp" : "http");
        if (forwarder.isSftp()) {
            return null;
        }
        exchange.setVariable("interceptUrl",
                forwarder.url("/intercepts?throwExceptionOnFailure=false"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("waybill", record.waybill());
        body.put("reason", "Buyer requested a return before dispatch");
        body.put("reference", caseId);
        return json.writeValueAsString(body);
    }

    /** An SFTP forwarder answers in a file: the request joins the next batch and the case waits for the answer. */
    public void awaitFileAnswer(@Variable("caseId") String caseId, @Variable("forwarder") String forwarder,
                                @Variable("waybill") String waybill) {
        cases.moveTo(caseId, CaseStatus.AWAITING_FORWARDER, "Intercept of " + waybill + " goes to " + forwarder
                + " in the next request file; waiting for its answer file");
    }

    public void recordOutcome(@Variable("caseId") String caseId, @Variable("forwarder") String forwarder,
                              @Variable("waybill") String waybill, Exchange exchange) {
        String body = HttpResponses.requireSuccess(exchange, "forwarder " + forwarder + " (intercept " + waybill + ")");
        InterceptOutcome outcome = parse(body, forwarder);
        intercepts.recordOutcome(caseId, outcome, clock.instant());
        cases.record(caseId, "forwarder " + forwarder, "INTERCEPT",
                "Intercept of " + waybill + " " + outcome.result()
                        + (outcome.code() == null ? "" : " (" + outcome.code() + ": " + outcome.message() + ")"),
                outcome.result().name());
        exchange.setVariable("interceptOutcome", outcome.result().name());
    }

    private InterceptOutcome parse(String body, String forwarder) {
        try {
            if (body == null || body.isBlank()) {
                throw RemoteCallException.permanent("forwarder " + forwarder + " answered an intercept with an empty "
                        + "body; whether it stopped the parcel is not known");
            }
            JsonNode node = json.readTree(body);
            JsonNode outcome = node == null || !node.isObject() ? null : node.get("outcome");
            String result = outcome == null || !outcome.isString() ? null : outcome.asString();
            if (!"ACCEPTED".equals(result) && !"REJECTED".equals(result)) {
                throw RemoteCallException.permanent("forwarder " + forwarder
                        + " answered an intercept without outcome ACCEPTED or REJECTED: " + HttpResponses.oneLine(body));
            }
            return new InterceptOutcome(InterceptOutcome.Result.valueOf(result), text(node, "code"), text(node, "message"));
        } catch (JacksonException e) {
            throw RemoteCallException.permanent("forwarder " + forwarder + " answered an intercept with invalid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "): " + HttpResponses.oneLine(body));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

}

package com.returnsgateway.core.refund;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundInstruction.Kind;
import com.returnsgateway.core.model.RefundInstruction.Status;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settle step: push the stored refund to the marketplace (or the reship to the back office) with its
 * idempotency key, once. A refund already marked SENT is never pushed again.
 */
@Component
public class RefundSteps {

    private final Cases cases;
    private final RefundRepository refunds;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public RefundSteps(Cases cases, RefundRepository refunds, GatewayProperties properties, JsonMapper json,
                       Clock clock) {
        this.cases = cases;
        this.refunds = refunds;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Sets {@code refundKind}, {@code refundSent}, {@code idempotencyKey} and the buyer email that follows. */
    public void load(@Variable("caseId") String caseId, Exchange exchange) {
        RefundInstruction instruction = instruction(caseId);
        exchange.setVariable("refundKind", instruction.kind().name());
        exchange.setVariable("refundSent", instruction.status() == Status.SENT);
        exchange.setVariable("idempotencyKey", instruction.idempotencyKey());
        exchange.setVariable("emailKind", buyerEmailAfter(instruction));
        // Amazon takes refunds in batched feeds, answered later, instead of one call per refund
        GatewayProperties.Marketplace marketplace = properties.marketplaces().get(cases.get(caseId).marketplace());
        exchange.setVariable("refundByFeed", marketplace != null && marketplace.isAmazon());
        exchange.setVariable("refundQueued", false);
    }

    public String prepareRefund(@Variable("caseId") String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        RefundInstruction instruction = instruction(caseId);
        String base = marketplaceBase(returnCase.marketplace());
        exchange.setVariable("marketplace", returnCase.marketplace());
        exchange.setVariable("refundUrl", base + "/refunds?throwExceptionOnFailure=false");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("returnId", returnCase.request().returnId());
        body.put("orderId", returnCase.request().orderId());
        body.put("type", instruction.type().name());
        body.put("amount", instruction.amount().amount().toPlainString());
        body.put("currency", instruction.amount().currency());
        body.put("reason", instruction.reason().name());
        return json.writeValueAsString(body);
    }

    public void recordRefundSent(@Variable("caseId") String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        String body = HttpResponses.requireSuccess(exchange, "marketplace " + returnCase.marketplace() + " (refund)");
        String reference = field(body, "refundId");
        refunds.markSent(caseId, reference, clock.instant());
        RefundInstruction instruction = instruction(caseId);
        cases.record(caseId, "marketplace " + returnCase.marketplace(), "REFUND",
                instruction.type() + " refund of " + instruction.amount() + " accepted by the marketplace"
                        + (reference == null ? "" : " as " + reference), "SENT");
    }

    public String prepareReship(@Variable("caseId") String caseId, Exchange exchange) {
        String base = properties.backOffice().baseUrl();
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("a replacement needs gateway.back-office.base-url, which is not set");
        }
        exchange.setVariable("reshipUrl", properties.backOffice().url("/reships?throwExceptionOnFailure=false"));
        ReturnCase returnCase = cases.get(caseId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("marketplace", returnCase.marketplace());
        body.put("returnId", returnCase.request().returnId());
        body.put("orderId", returnCase.request().orderId());
        List<Map<String, Object>> items = returnCase.request().items().stream()
                .map(RefundSteps::reshipItem)
                .toList();
        body.put("items", items);
        body.put("shipTo", returnCase.request().buyer().address());
        return json.writeValueAsString(body);
    }

    public void recordReshipSent(@Variable("caseId") String caseId, Exchange exchange) {
        String body = HttpResponses.requireSuccess(exchange, "back office (reship)");
        String reference = field(body, "reshipId");
        refunds.markSent(caseId, reference, clock.instant());
        cases.record(caseId, "back office", "RESHIP", "Replacement shipment ordered"
                + (reference == null ? "" : " as " + reference), "SENT");
    }

    /** The last step of a settled case. */
    public void complete(@Variable("caseId") String caseId, Exchange exchange) {
        RefundInstruction instruction = instruction(caseId);
        ReturnCase moved = instruction.kind() == Kind.RESHIP
                ? cases.moveTo(caseId, CaseStatus.RESHIP_REQUESTED, "Replacement ordered; buyer informed")
                : cases.moveTo(caseId, CaseStatus.REFUNDED, instruction.type() + " refund of " + instruction.amount()
                        + " issued; buyer informed");
        exchange.setVariable("status", moved.status().name());
        exchange.setVariable("phase", moved.phase().name());
    }

    private static String buyerEmailAfter(RefundInstruction instruction) {
        if (instruction.kind() == Kind.RESHIP) {
            return "RESHIP_ARRANGED";
        }
        return switch (instruction.reason()) {
            case PARCEL_INTERCEPTED -> "PARCEL_INTERCEPTED";
            case PARCEL_LOST -> "PARCEL_LOST";
            default -> "REFUND_ISSUED";
        };
    }

    private RefundInstruction instruction(String caseId) {
        return refunds.findByCase(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no planned refund"));
    }

    private String marketplaceBase(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        if (config == null || config.baseUrl() == null) {
            throw new IllegalStateException("marketplace " + marketplace + " is not configured");
        }
        return config.url("");
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() ? null : value.asString();
        } catch (JacksonException e) {
            return null; // the call succeeded; a reference we cannot read does not undo it
        }
    }

    private static Map<String, Object> reshipItem(ReturnItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sku", item.sku());
        map.put("quantity", item.quantity());
        return map;
    }
}

package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.MarketplacePort;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A marketplace speaking the gateway's HTTP contract takes a refund at {@code POST {base}/refunds} with the refund's
 * Idempotency-Key (a replay answers the first answer) and answers {@code {"refundId": ...}} at once. Its returns are
 * polled by {@link MarketplacePoller}.
 */
@Component
public class GenericMarketplace implements MarketplacePort {

    public static final String TYPE = "generic";

    private final GenericApi api;

    GenericMarketplace(GenericApi api) {
        this.api = api;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public RefundAnswer refund(ReturnCase returnCase, RefundInstruction refund) {
        String marketplace = returnCase.marketplace();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("returnId", returnCase.request().returnId());
        body.put("orderId", returnCase.request().orderId());
        body.put("type", refund.type().name());
        body.put("amount", refund.amount().amount().toPlainString());
        body.put("currency", refund.amount().currency());
        body.put("reason", refund.reason().name());
        String answer = api.postJson(RemoteSystem.marketplace(marketplace), api.marketplaceUrl(marketplace, "/refunds"),
                body, refund.idempotencyKey(), "marketplace " + marketplace + " (refund)");
        String reference = api.reference(answer, "refundId");
        return RefundAnswer.accepted(reference, "accepted by the marketplace" + (reference == null ? "" : " as " + reference));
    }
}

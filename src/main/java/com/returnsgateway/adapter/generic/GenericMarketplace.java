package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.MarketplacePort;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A marketplace speaking the gateway's HTTP contract takes a refund at {@code POST {base}/refunds} with the refund's
 * Idempotency-Key (a replay answers the first answer) and answers {@code {"refundId": ...}} at once. Its returns are
 * polled by {@link MarketplacePoller}.
 */
@Component
public class GenericMarketplace implements MarketplacePort {

    public static final String TYPE = "generic";

    private final GatewayProperties properties;
    private final RemoteCalls calls;
    private final JsonMapper json;

    public GenericMarketplace(GatewayProperties properties, RemoteCalls calls, JsonMapper json) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
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
        String answer = calls.call(RemoteCall.postJson(RemoteSystem.marketplace(marketplace), baseUrl(marketplace)
                + "/refunds", json.writeValueAsString(body), refund.idempotencyKey(),
                "marketplace " + marketplace + " (refund)")).requireSuccess();
        String reference = answer == null || answer.isBlank() ? null
                : JsonAnswers.text(JsonAnswers.lenient(json, answer), "refundId");
        return RefundAnswer.accepted(reference, "accepted by the marketplace" + (reference == null ? "" : " as " + reference));
    }

    private String baseUrl(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        if (config == null || config.baseUrl() == null || config.baseUrl().isBlank()) {
            throw new IllegalStateException("marketplace " + marketplace + " has no gateway.marketplaces."
                    + marketplace + ".base-url");
        }
        return config.url("");
    }
}

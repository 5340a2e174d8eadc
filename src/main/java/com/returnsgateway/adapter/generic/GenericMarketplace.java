package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.MarketplacePort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A marketplace speaking the gateway's HTTP contract takes a refund at {@code POST {base}/refunds} with the refund's
 * Idempotency-Key (a replay answers the first answer) and answers {@code {"refundId": ...}} at once; it tells what it
 * already paid under a key at {@code GET {base}/refunds/{idempotencyKey}} (404: nothing). Its returns are polled by
 * {@link MarketplacePoller}.
 */
@Component
public class GenericMarketplace implements MarketplacePort {

    public static final String TYPE = "generic";

    private final GenericApi api;

    GenericMarketplace(GenericApi api) {
        this.api = api;
    }

    /**
     * What {@code POST {base}/refunds} sends; described as {@code RefundRequest} in
     * {@code openapi/marketplace-contract.yaml} ({@code GatewayContractsTest} holds the two together).
     *
     * @param amount a decimal string with the currency's decimals
     */
    record RefundBody(String returnId, String orderId, String type, String amount, String currency, String reason) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<RefundAnswer> alreadyRefunded(ReturnCase returnCase, RefundInstruction refund) {
        String marketplace = returnCase.marketplace();
        String who = "marketplace " + marketplace;
        RemoteAnswer answer = api.get(RemoteSystem.marketplace(marketplace), api.marketplaceUrl(marketplace,
                        "/refunds/" + URLEncoder.encode(refund.idempotencyKey(), StandardCharsets.UTF_8)),
                who + " (refund lookup " + refund.idempotencyKey() + ")");
        if (answer.notFound()) {
            return Optional.empty();
        }
        // only a refund that names itself counts as paid: a catch-all 200 page must not stop the buyer's refund
        JsonNode found = api.object(answer.requireSuccess(), who, "a refund lookup ");
        String reference = JsonAnswers.text(found, "refundId");
        String returnId = JsonAnswers.text(found, "returnId");
        if (reference == null || (returnId != null && !returnId.equals(returnCase.request().returnId()))) {
            throw RemoteCallException.permanent(who + " answered the lookup of refund " + refund.idempotencyKey()
                    + " with no refundId or another return's refund: " + HttpResponses.oneLine(answer.body()));
        }
        return Optional.of(RefundAnswer.accepted(reference, "already paid by the marketplace as " + reference
                + " under key " + refund.idempotencyKey() + " (found by lookup; not sent again)"
                + describe(found)));
    }

    /** What the marketplace says it paid, when it says, for the timeline. */
    private static String describe(JsonNode found) {
        String type = JsonAnswers.text(found, "type");
        String amount = JsonAnswers.text(found, "amount");
        String currency = JsonAnswers.text(found, "currency");
        return amount == null || currency == null ? ""
                : "; it paid " + (type == null ? "" : type + " ") + amount + " " + currency;
    }

    @Override
    public RefundAnswer refund(ReturnCase returnCase, RefundInstruction refund) {
        String marketplace = returnCase.marketplace();
        RefundBody body = new RefundBody(returnCase.request().returnId(), returnCase.request().orderId(),
                refund.type().name(), refund.amount().amount().toPlainString(), refund.amount().currency(),
                refund.reason().name());
        String answer = api.postJson(RemoteSystem.marketplace(marketplace), api.marketplaceUrl(marketplace, "/refunds"),
                body, refund.idempotencyKey(), "marketplace " + marketplace + " (refund)");
        String reference = api.reference(answer, "refundId");
        return RefundAnswer.accepted(reference, "accepted by the marketplace" + (reference == null ? "" : " as " + reference));
    }
}

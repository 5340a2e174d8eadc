package com.returnsgateway.core.refund;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.ReturnRequest;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Refund arithmetic: how much goes back, and whether a delivered item is worth asking back at all. */
@Component
public class RefundCalculator {

    private final GatewayProperties properties;

    public RefundCalculator(GatewayProperties properties) {
        this.properties = properties;
    }

    public record Amount(RefundType type, Money money) {
    }

    /**
     * A parcel that never reached the buyer (intercepted, lost, cancelled, back at the sender) is refunded in full;
     * after a return or a returnless decision the buyer gets what was asked for, full or partial.
     */
    public Amount amountFor(ReturnRequest request, RefundReason reason) {
        boolean buyerChoice = reason == RefundReason.RETURNLESS || reason == RefundReason.RETURN_RECEIVED;
        if (buyerChoice && request.refundType() == RefundType.PARTIAL && request.requestedRefund() != null) {
            return new Amount(RefundType.PARTIAL, request.requestedRefund());
        }
        return new Amount(RefundType.FULL, request.itemsValue());
    }

    /** True when the returned items are worth less than the configured threshold for their currency. */
    public boolean isReturnless(ReturnRequest request) {
        BigDecimal threshold = properties.refunds().returnlessThreshold().get(request.currency());
        return threshold != null && request.itemsValue().amount().compareTo(threshold) < 0;
    }
}

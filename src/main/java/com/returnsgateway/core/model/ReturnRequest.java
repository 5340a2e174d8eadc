package com.returnsgateway.core.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's return or refund request, as the marketplace API serves it and as {@code POST /api/returns}
 * accepts it. {@code refundType} and {@code requestedRefund} say what the buyer asked for; the
 * decision may still refund in full (an intercepted, lost or cancelled parcel).
 */
public record ReturnRequest(
        String marketplace,
        String returnId,
        String orderId,
        Instant requestedAt,
        Instant updatedAt,
        Resolution resolution,
        RefundType refundType,
        @Nullable Money requestedRefund,
        @Nullable String reason,
        @Nullable String comment,
        Buyer buyer,
        List<ReturnItem> items,
        @Nullable ShipmentRef shipment) {

    /** What the returned items are worth: the sum of unit price times quantity. */
    public Money itemsValue() {
        Money total = Money.zero(currency());
        for (ReturnItem item : items) {
            total = total.plus(item.total());
        }
        return total;
    }

    public String currency() {
        return items.get(0).unitPrice().currency();
    }
}

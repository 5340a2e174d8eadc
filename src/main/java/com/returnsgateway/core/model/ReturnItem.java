package com.returnsgateway.core.model;

import org.jspecify.annotations.Nullable;

/**
 * One returned order line.
 *
 * @param orderedQuantity how many the buyer bought on that order line, when the marketplace says (null: as many as
 *                        returned); what the line was paid is {@code unitPrice} times this
 */
public record ReturnItem(String sku, @Nullable String title, int quantity, Money unitPrice,
                         @Nullable Integer orderedQuantity) {

    public ReturnItem(String sku, String title, int quantity, Money unitPrice) {
        this(sku, title, quantity, unitPrice, null);
    }

    public Money total() {
        return unitPrice.times(quantity);
    }

    /** What the buyer paid for the whole order line, as far as this request tells. */
    public Money linePaid() {
        return unitPrice.times(orderedQuantity == null ? quantity : Math.max(quantity, orderedQuantity));
    }
}

package com.returnsgateway.core.offer;

import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a delivered item is worth an offer, and how much: when sending it back costs at least
 * {@code cost-ratio} of its value, {@code offer-percent} of its value (rounded to the currency), never more than the
 * refund ledger still allows. Called only for items above the returnless threshold (decide-delivered asks that first).
 */
public class NegotiationPolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NegotiationProperties properties;

    public NegotiationPolicy(NegotiationProperties properties) {
        this.properties = properties;
    }

    /** The offer for this request, or empty when it gets the label as before. */
    public Optional<Money> offerFor(ReturnRequest request, Money refundable) {
        if (!properties.enabled() || request.resolution() == Resolution.REPLACE) {
            return Optional.empty();
        }
        Address address = request.buyer() == null ? null : request.buyer().address();
        NegotiationProperties.Cost cost = properties.costFrom(address == null ? null : address.country());
        Money value = request.itemsValue();
        // no exchange rates here: a cost in another currency than the item's cannot be compared
        if (cost == null || !cost.currency().equals(value.currency()) || !value.isPositive()) {
            return Optional.empty();
        }
        if (cost.amount().compareTo(value.amount().multiply(properties.costRatio())) < 0) {
            return Optional.empty();
        }
        Money offer = new Money(value.amount().multiply(properties.offerPercent()).divide(HUNDRED), value.currency());
        if (refundable.isLessThan(offer)) {
            offer = refundable;
        }
        return offer.isPositive() ? Optional.of(offer) : Optional.empty();
    }
}

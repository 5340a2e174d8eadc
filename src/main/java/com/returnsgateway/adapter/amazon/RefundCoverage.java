package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.format.RefundEvents;
import com.returnsgateway.core.model.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether the refunds Amazon already posted on an order pay the refund a case is about to send: per SKU of the case,
 * Amazon's Principal less what the gateway's other refunds of the order (still on record) account for, against the
 * Principal this refund would send.
 */
final class RefundCoverage {

    private RefundCoverage() {
    }

    /** What the events say about this refund. */
    sealed interface Verdict permits NotPaid, Paid, PartlyPaid {
    }

    /** Nothing of it is at Amazon: pay as usual. */
    record NotPaid() implements Verdict {
    }

    /** All of it is at Amazon: the refund counts as accepted, nothing is sent. */
    record Paid(String reference, String note) implements Verdict {
    }

    /** Some of it, or an answer that does not add up: not for the gateway to settle. */
    record PartlyPaid(String problem) implements Verdict {
    }

    /**
     * @param planned     the Principal per SKU this refund would send
     * @param otherRefunds the Principal per SKU of the gateway's other refunds of the order that reached Amazon
     */
    static Verdict judge(String orderId, Map<String, Money> planned, Map<String, Money> otherRefunds,
                         List<RefundEvents.Event> events) {
        Map<String, Money> atAmazon = new LinkedHashMap<>();
        List<String> posted = new ArrayList<>();
        for (RefundEvents.Event event : events) {
            for (RefundEvents.ItemRefund item : event.items()) {
                if (!planned.containsKey(item.sku())) {
                    continue; // another line of the order: another return's business
                }
                Money plannedForSku = planned.get(item.sku());
                if (!plannedForSku.currency().equals(item.principal().currency())) {
                    return new PartlyPaid("Amazon shows a refund of " + item.principal() + " for SKU " + item.sku()
                            + " of order " + orderId + " (posted " + event.postedDate() + "), in another currency than"
                            + " the planned " + plannedForSku);
                }
                atAmazon.merge(item.sku(), item.principal(), Money::plus);
                if (!posted.contains(event.postedDate())) {
                    posted.add(event.postedDate());
                }
            }
        }
        Map<String, Money> unexplained = new LinkedHashMap<>();
        atAmazon.forEach((sku, amount) -> {
            Money other = otherRefunds.get(sku);
            Money left = other == null || !other.currency().equals(amount.currency()) ? amount
                    : new Money(amount.amount().subtract(other.amount()).max(java.math.BigDecimal.ZERO),
                    amount.currency());
            if (left.isPositive()) {
                unexplained.put(sku, left);
            }
        });
        if (unexplained.isEmpty()) {
            return new NotPaid();
        }
        String shows = "Amazon already shows refunds on order " + orderId + " (Principal "
                + describe(unexplained) + "; refund events posted " + String.join(", ", posted) + ")";
        boolean covered = planned.entrySet().stream().allMatch(e -> unexplained.containsKey(e.getKey())
                && !unexplained.get(e.getKey()).isLessThan(e.getValue()));
        if (!covered) {
            return new PartlyPaid(shows + " that cover only part of this refund (Principal " + describe(planned)
                    + "); not sent, so it cannot be paid twice: check in Seller Central and settle the rest by hand");
        }
        String reference = "Amazon refund event posted " + posted.get(posted.size() - 1);
        return new Paid(reference, "already refunded by Amazon: " + shows + ", covering this refund (Principal "
                + describe(planned) + "); found in Amazon's financial events, not sent again");
    }

    private static String describe(Map<String, Money> perSku) {
        return perSku.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}

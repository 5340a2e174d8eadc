package com.returnsgateway.adapter.amazon.format;

import com.returnsgateway.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The refunds in a page of Amazon's Finances API v0 answer to listFinancialEventsByOrderId
 * ({@code payload.FinancialEvents.RefundEventList}): per posted refund event, the Principal it gave back per SKU.
 * Amazon's documentation of this answer is not in our reference (unconfirmed): a refund's CurrencyAmount is expected
 * negative, but a positive one is read the same way (its absolute value), so a sign convention we guessed wrong never
 * hides a refund. An answer that cannot be read throws {@link UnreadableException}: the caller must not take it for
 * "nothing refunded".
 */
public final class RefundEvents {

    private RefundEvents() {
    }

    /** One RefundEvent: when Amazon posted it and the Principal per SKU. */
    public record Event(String orderId, String postedDate, List<ItemRefund> items) {
    }

    /** Principal given back for one SKU in one event (a positive amount). */
    public record ItemRefund(String sku, String adjustmentItemId, Money principal) {
    }

    /** One page: its refund events and the token of the next page (null on the last). */
    public record Page(List<Event> events, String nextToken) {
    }

    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message);
        }
    }

    public static Page parse(JsonNode answer) {
        JsonNode payload = answer == null ? null : answer.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new UnreadableException("the answer has no payload");
        }
        JsonNode financialEvents = payload.get("FinancialEvents");
        if (financialEvents != null && !financialEvents.isNull() && !financialEvents.isObject()) {
            throw new UnreadableException("FinancialEvents is not an object");
        }
        JsonNode refundList = financialEvents == null ? null : financialEvents.get("RefundEventList");
        List<Event> events = new ArrayList<>();
        if (refundList != null && !refundList.isNull()) {
            if (!refundList.isArray()) {
                throw new UnreadableException("RefundEventList is not a list");
            }
            for (JsonNode event : refundList) {
                events.add(event(event));
            }
        }
        return new Page(List.copyOf(events), text(payload, "NextToken"));
    }

    private static Event event(JsonNode event) {
        String posted = text(event, "PostedDate");
        JsonNode adjustments = event.get("ShipmentItemAdjustmentList");
        if (adjustments == null || !adjustments.isArray()) {
            throw new UnreadableException("the refund event posted " + posted + " has no ShipmentItemAdjustmentList");
        }
        List<ItemRefund> items = new ArrayList<>();
        for (JsonNode item : adjustments) {
            String sku = text(item, "SellerSKU");
            JsonNode charges = item.get("ItemChargeAdjustmentList");
            if (sku == null || charges == null || !charges.isArray()) {
                throw new UnreadableException("an item of the refund event posted " + posted
                        + " has no SellerSKU or no ItemChargeAdjustmentList");
            }
            for (JsonNode charge : charges) {
                if ("Principal".equals(text(charge, "ChargeType"))) {
                    items.add(new ItemRefund(sku, text(item, "OrderAdjustmentItemId"),
                            amount(charge.get("ChargeAmount"), sku, posted)));
                }
            }
        }
        return new Event(text(event, "AmazonOrderId"), posted, List.copyOf(items));
    }

    private static Money amount(JsonNode amount, String sku, String posted) {
        String currency = amount == null ? null : text(amount, "CurrencyCode");
        JsonNode value = amount == null ? null : amount.get("CurrencyAmount");
        try {
            Currency.getInstance(currency);
            BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
            return new Money(number.abs(), currency);
        } catch (RuntimeException e) {
            throw new UnreadableException("the Principal of SKU " + sku + " in the refund event posted " + posted
                    + " is not an amount with a currency: " + amount);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}

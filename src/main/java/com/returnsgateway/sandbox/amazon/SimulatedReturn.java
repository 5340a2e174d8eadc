package com.returnsgateway.sandbox.amazon;

import java.time.Instant;
import java.util.List;

/**
 * A buyer's return request for an order, as the returns report lists it: one report row per item. Label fields are
 * empty unless given (the gateway issues its own labels).
 */
public record SimulatedReturn(String rmaId, String orderId, String sellerId, Instant requestedAt, String status,
                              String reason, String resolution, String merchantRmaId, String labelType,
                              String returnCarrier, String trackingId, List<Item> items) {

    public SimulatedReturn {
        items = List.copyOf(items);
    }

    public record Item(String sku, int quantity) {
    }
}

package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;

/**
 * The orders and return requests Amazon knows, and what the refund feeds have refunded per order item so far.
 * Thread-safe (one lock).
 */
@Component
@SandboxEnabled
public class SimulatedOrderBook {

    private static final String RMA_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatedSellers sellers;
    private final Map<String, SimulatedOrder> orders = new LinkedHashMap<>();
    private final Map<String, SimulatedReturn> returns = new LinkedHashMap<>();
    private final Map<String, Instant> labelUpdatedAt = new HashMap<>();
    private final Map<String, Instant> returnDeliveredAt = new HashMap<>();
    /** Refunded so far, by order id and order item id. */
    private final Map<String, BigDecimal> refunded = new HashMap<>();

    public SimulatedOrderBook(SimulatedSellers sellers) {
        this.sellers = sellers;
    }

    /** A return joined with its order, for the returns report. */
    public record ReturnedOrder(SimulatedReturn request, SimulatedOrder order, Instant returnDeliveredAt) {
    }

    /** Adds (or replaces, forgetting its refunds) an order of a known seller in one of the seller's marketplaces. */
    public synchronized SimulatedOrder putOrder(SimulatedOrder order) {
        SimulatedSeller seller = sellers.require(order.sellerId());
        if (!seller.marketplaceIds().contains(order.marketplaceId())) {
            throw SpApiException.invalidInput("seller " + seller.sellerId() + " does not sell in marketplace "
                    + order.marketplaceId() + "; its marketplaces: " + seller.marketplaceIds());
        }
        SimulatedOrder old = orders.put(order.orderId(), order);
        if (old != null) {
            old.items().forEach(i -> refunded.remove(key(old.orderId(), i.orderItemId())));
        }
        return order;
    }

    public synchronized Optional<SimulatedOrder> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    public synchronized List<SimulatedOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    /**
     * Adds a return request {@code {sellerId?, orderId, rmaId?, items[{sku, quantity}], reason?, resolution?,
     * requestedAt? | requestedAgo?, status?, merchantRmaId?, labelType?, returnCarrier?, trackingId?}} for a known
     * order; {@code now} is the default request date and anchors {@code requestedAgo}. A return with the same RMA id
     * is replaced.
     */
    public synchronized SimulatedReturn putReturn(JsonNode body, Instant now) {
        AmazonJson.requireObject(body, "a return");
        String orderId = AmazonJson.requireText(body, "orderId");
        SimulatedOrder order = orders.get(orderId);
        if (order == null) {
            throw SpApiException.invalidInput("unknown order " + orderId
                    + "; add it first (POST /sandbox/amazon/orders)");
        }
        String sellerId = AmazonJson.text(body, "sellerId");
        if (sellerId != null && !sellerId.equals(order.sellerId())) {
            throw SpApiException.invalidInput("order " + orderId + " belongs to seller " + order.sellerId()
                    + ", not " + sellerId);
        }
        JsonNode itemList = body.get("items");
        if (itemList == null || !itemList.isArray() || itemList.isEmpty()) {
            throw SpApiException.invalidInput("items is required and must be a non-empty array");
        }
        List<SimulatedReturn.Item> items = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < itemList.size(); i++) {
            JsonNode it = itemList.get(i);
            String sku;
            int quantity;
            try {
                AmazonJson.requireObject(it, "an item");
                sku = AmazonJson.requireText(it, "sku");
                quantity = AmazonJson.positiveInt(it, "quantity");
            } catch (SpApiException e) {
                throw SpApiException.invalidInput("items[" + i + "]." + e.getMessage());
            }
            SimulatedOrder.Item ordered = order.itemBySku(sku).orElseThrow(() -> SpApiException.invalidInput(
                    "order " + orderId + " has no item with sku " + sku));
            if (quantity > ordered.quantity()) {
                throw SpApiException.invalidInput("items[" + i + "]: return quantity " + quantity
                        + " of " + sku + " is more than the " + ordered.quantity() + " ordered");
            }
            if (!skus.add(sku)) {
                throw SpApiException.invalidInput("sku " + sku + " appears twice");
            }
            items.add(new SimulatedReturn.Item(sku, quantity));
        }
        Instant requestedAt = requestedAt(body, now);
        String rmaId = AmazonJson.text(body, "rmaId");
        if (rmaId == null) {
            rmaId = newRmaId();
        }
        SimulatedReturn request = new SimulatedReturn(rmaId, orderId, order.sellerId(), requestedAt,
                textOr(body, "status", "Approved"), textOr(body, "reason", "CR-UNWANTED_ITEM"),
                textOr(body, "resolution", "StandardRefund"), AmazonJson.text(body, "merchantRmaId"),
                AmazonJson.text(body, "labelType"), AmazonJson.text(body, "returnCarrier"),
                AmazonJson.text(body, "trackingId"), items);
        returns.put(rmaId, request);
        return request;
    }

    private static Instant requestedAt(JsonNode body, Instant now) {
        String at = AmazonJson.text(body, "requestedAt");
        if (at != null) {
            return AmazonJson.instant(at, "requestedAt");
        }
        String ago = AmazonJson.text(body, "requestedAgo");
        Instant anchor = now.truncatedTo(ChronoUnit.SECONDS);
        return ago == null ? anchor : anchor.minus(AmazonJson.duration(ago, "requestedAgo"));
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = AmazonJson.text(node, field);
        return value == null ? fallback : value;
    }

    private static String newRmaId() {
        StringBuilder id = new StringBuilder("D");
        for (int i = 0; i < 8; i++) {
            id.append(RMA_CHARS.charAt(RANDOM.nextInt(RMA_CHARS.length())));
        }
        return id.append("RRMA").toString();
    }

    /**
     * The seller's returns for orders in the given marketplaces whose request date is in [from, to), oldest first.
     */
    public synchronized List<ReturnedOrder> returns(String sellerId, List<String> marketplaceIds, Instant from,
                                                    Instant to) {
        return returns.values().stream()
                .filter(r -> r.sellerId().equals(sellerId))
                .filter(r -> inWindow(r.requestedAt(), from, to)
                        || labelUpdatedAt.containsKey(r.rmaId()) && inWindow(labelUpdatedAt.get(r.rmaId()), from, to))
                .map(r -> new ReturnedOrder(r, orders.get(r.orderId()), returnDeliveredAt.get(r.rmaId())))
                .filter(ro -> ro.order() != null && marketplaceIds.contains(ro.order().marketplaceId()))
                .sorted(Comparator.comparing((ReturnedOrder ro) -> ro.request().requestedAt())
                        .thenComparing(ro -> ro.request().rmaId()))
                .toList();
    }

    private static boolean inWindow(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /**
     * What Amazon learns after the request: the return parcel's carrier and tracking id, and its delivery date once
     * delivered to the seller. The return is then listed again by reports whose window covers {@code now}, as a later
     * report of the same RMA.
     */
    public synchronized SimulatedReturn updateReturnLabel(String rmaId, String carrier, String trackingId,
                                                          Instant deliveredAt, Instant now) {
        SimulatedReturn r = returns.get(rmaId);
        if (r == null) {
            throw SpApiException.notFound("no return " + rmaId);
        }
        SimulatedReturn updated = new SimulatedReturn(r.rmaId(), r.orderId(), r.sellerId(), r.requestedAt(),
                r.status(), r.reason(), r.resolution(), r.merchantRmaId(), r.labelType(),
                carrier == null ? r.returnCarrier() : carrier, trackingId == null ? r.trackingId() : trackingId,
                r.items());
        returns.put(rmaId, updated);
        labelUpdatedAt.put(rmaId, now);
        if (deliveredAt != null) {
            returnDeliveredAt.put(rmaId, deliveredAt);
        }
        return updated;
    }

    public synchronized List<SimulatedReturn> allReturns() {
        return new ArrayList<>(returns.values());
    }

    public synchronized BigDecimal refunded(String orderId, String orderItemId) {
        return refunded.getOrDefault(key(orderId, orderItemId), BigDecimal.ZERO);
    }

    /** Adds accepted adjustment amounts (order item id to net credit) to what was refunded for the order. */
    public synchronized void addRefunds(String orderId, Map<String, BigDecimal> byOrderItemId) {
        byOrderItemId.forEach((itemId, amount) -> refunded.merge(key(orderId, itemId), amount, BigDecimal::add));
    }

    public synchronized void clear() {
        orders.clear();
        returns.clear();
        labelUpdatedAt.clear();
        returnDeliveredAt.clear();
        refunded.clear();
    }

    private static String key(String orderId, String orderItemId) {
        return orderId + "/" + orderItemId;
    }
}

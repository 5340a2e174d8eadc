package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

/**
 * A merchant-fulfilled order as the Orders API knows it. Item prices, shipping and tax are totals for the quantity
 * ordered, as Amazon sends them.
 */
public record SimulatedOrder(String orderId, String sellerId, String marketplaceId, Instant purchaseDate,
                             String currency, boolean prime, Buyer buyer, List<Item> items) {

    public SimulatedOrder {
        items = List.copyOf(items);
    }

    public record Buyer(String name, String email, Address address) {
    }

    public record Address(String name, String line1, String line2, String city, String region, String postalCode,
                          String country, String phone) {
    }

    public record Item(String orderItemId, String sku, String asin, String title, int quantity, BigDecimal itemPrice,
                       BigDecimal shippingPrice, BigDecimal itemTax) {

        /** What the buyer paid for this line: the most that can be refunded for it. */
        public BigDecimal charged() {
            return itemPrice.add(shippingPrice).add(itemTax);
        }
    }

    public Optional<Item> itemBySku(String sku) {
        return items.stream().filter(i -> i.sku().equals(sku)).findFirst();
    }

    public Optional<Item> itemByOrderItemId(String orderItemId) {
        return items.stream().filter(i -> i.orderItemId().equals(orderItemId)).findFirst();
    }

    public BigDecimal total() {
        return items.stream().map(Item::charged).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Reads {@code {orderId, sellerId, marketplaceId, purchaseDate? | purchasedAgo?, isPrime?, buyer{name, email,
     * address{name, line1, line2, city, region, postalCode, country, phone}}, items[{sku, asin, title, quantity,
     * itemPrice, shippingPrice?, itemTax?, currency, orderItemId?}]}}; {@code now} anchors {@code purchasedAgo}.
     */
    static SimulatedOrder fromJson(JsonNode node, Instant now) {
        AmazonJson.requireObject(node, "an order");
        String orderId = AmazonJson.requireText(node, "orderId");
        if (!orderId.matches("\\d{3}-\\d{7}-\\d{7}")) {
            throw SpApiException.invalidInput("orderId must look like Amazon's 113-1234567-1234567, was " + orderId);
        }
        String sellerId = AmazonJson.requireText(node, "sellerId");
        String marketplaceId = AmazonJson.requireText(node, "marketplaceId");
        Instant purchased = purchaseDate(node, now);
        Buyer buyer = buyer(node.get("buyer"));
        JsonNode itemList = node.get("items");
        if (itemList == null || !itemList.isArray() || itemList.isEmpty()) {
            throw SpApiException.invalidInput("items is required and must be a non-empty array");
        }
        List<Item> items = new ArrayList<>();
        String currency = null;
        Set<String> skus = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < itemList.size(); i++) {
            JsonNode it = itemList.get(i);
            String where = "items[" + i + "].";
            try {
                AmazonJson.requireObject(it, "an item");
                String itemCurrency = AmazonJson.requireText(it, "currency");
                java.util.Currency iso = AmazonJson.currency(itemCurrency, "currency");
                if (currency != null && !currency.equals(itemCurrency)) {
                    throw SpApiException.invalidInput("currency " + itemCurrency + " differs from the order's "
                            + currency);
                }
                currency = itemCurrency;
                String sku = AmazonJson.requireText(it, "sku");
                if (!skus.add(sku)) {
                    throw SpApiException.invalidInput("sku " + sku + " appears twice");
                }
                String orderItemId = AmazonJson.text(it, "orderItemId");
                if (orderItemId == null) {
                    orderItemId = "%014d".formatted(ThreadLocalRandom.current().nextLong(10_000_000_000_000L,
                            99_999_999_999_999L));
                }
                if (!ids.add(orderItemId)) {
                    throw SpApiException.invalidInput("orderItemId " + orderItemId + " appears twice");
                }
                items.add(new Item(orderItemId, sku, AmazonJson.requireText(it, "asin"),
                        AmazonJson.requireText(it, "title"), AmazonJson.positiveInt(it, "quantity"),
                        money(it, "itemPrice", iso, true), money(it, "shippingPrice", iso, false),
                        money(it, "itemTax", iso, false)));
            } catch (SpApiException e) {
                throw SpApiException.invalidInput(where + e.getMessage());
            }
        }
        return new SimulatedOrder(orderId, sellerId, marketplaceId, purchased, currency,
                AmazonJson.bool(node, "isPrime", false), buyer, items);
    }

    private static Instant purchaseDate(JsonNode node, Instant now) {
        String at = AmazonJson.text(node, "purchaseDate");
        String ago = AmazonJson.text(node, "purchasedAgo");
        if (at != null) {
            return AmazonJson.instant(at, "purchaseDate");
        }
        Instant anchor = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return ago == null ? anchor : anchor.minus(AmazonJson.duration(ago, "purchasedAgo"));
    }

    private static BigDecimal money(JsonNode item, String field, java.util.Currency currency, boolean required) {
        BigDecimal amount = AmazonJson.decimal(item, field);
        if (amount == null) {
            if (required) {
                throw SpApiException.invalidInput(field + " is required");
            }
            return BigDecimal.ZERO.setScale(Math.max(0, currency.getDefaultFractionDigits()));
        }
        if (amount.signum() < 0) {
            throw SpApiException.invalidInput(field + " must not be negative");
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            throw SpApiException.invalidInput(field + " " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows");
        }
        return amount.setScale(digits);
    }

    private static Buyer buyer(JsonNode node) {
        if (node == null || node.isNull()) {
            throw SpApiException.invalidInput("buyer is required");
        }
        AmazonJson.requireObject(node, "buyer");
        JsonNode a = node.get("address");
        if (a == null || !a.isObject()) {
            throw SpApiException.invalidInput("buyer.address is required");
        }
        Address address = new Address(AmazonJson.text(a, "name"), AmazonJson.text(a, "line1"),
                AmazonJson.text(a, "line2"), AmazonJson.requireText(a, "city"), AmazonJson.text(a, "region"),
                AmazonJson.requireText(a, "postalCode"), AmazonJson.requireText(a, "country"),
                AmazonJson.text(a, "phone"));
        return new Buyer(AmazonJson.requireText(node, "name"), AmazonJson.requireText(node, "email"), address);
    }
}

package com.returnsgateway.adapter.amazon.format;

import com.returnsgateway.adapter.amazon.AmazonOrder;
import com.returnsgateway.core.model.Address;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the report rows of one Amazon return, and what the Orders API said about its order, into the gateway's return
 * object: the JSON that {@code ReturnRequestReader} reads, so an Amazon return enters the gateway through the same
 * checks as any other.
 *
 * <p>Amazon has no return object of its own for merchant-fulfilled orders: the returns report gives one row per
 * returned item, without the buyer; the order gives the buyer, the address and the prices. The order may be missing
 * (the Orders API could not be asked); then prices come from the report and the buyer's email and locale from the
 * {@link Fallback}. What cannot be known is left out rather than made up, so the reader names it (an item without a
 * price, a buyer without an email) and the return is quarantined with that reason instead of refunded wrongly.
 *
 * <p>Amazon's reason codes are mapped onto the gateway's vocabulary (NO_LONGER_NEEDED, DEFECTIVE, WRONG_SIZE, ...)
 * with a default table that the constructor's overrides extend or change; a code the table does not know is kept as it
 * is, so nothing is lost and the operator sees Amazon's own word. The comment keeps the Amazon facts an operator needs
 * to act (RMA, return type, resolution, Amazon's reason code, label and tracking, A-to-Z claim, out of policy).
 */
public final class AmazonReturnMapper {

    /** What to use when the order does not say: the seller's contact address for returns, and a locale. */
    public record Fallback(String email, String locale) {
    }

    /** Amazon's return reason codes and what the gateway calls them. */
    static final Map<String, String> DEFAULT_REASONS = Map.ofEntries(
            Map.entry("CR-UNWANTED_ITEM", "NO_LONGER_NEEDED"),
            Map.entry("CR-ORDERED_WRONG_ITEM", "ORDERED_WRONG_ITEM"),
            Map.entry("CR-DEFECTIVE", "DEFECTIVE"),
            Map.entry("CR-DAMAGED_BY_FC", "DAMAGED"),
            Map.entry("CR-DAMAGED_BY_CARRIER", "DAMAGED"),
            Map.entry("CR-NOT_AS_DESCRIBED", "NOT_AS_DESCRIBED"),
            Map.entry("AMZ-PG-BAD-DESC", "NOT_AS_DESCRIBED"),
            Map.entry("CR-SWITCHEROO", "NOT_AS_DESCRIBED"),
            Map.entry("CR-QUALITY_UNACCEPTABLE", "QUALITY_UNACCEPTABLE"),
            Map.entry("CR-MISSING_PARTS", "MISSING_PARTS"),
            Map.entry("CR-FOUND_BETTER_PRICE", "BETTER_PRICE"),
            Map.entry("CR-MISSED_ESTIMATED_DELIVERY", "ARRIVED_LATE"),
            Map.entry("CR-NOT_COMPATIBLE", "NOT_COMPATIBLE"),
            Map.entry("CR-UNAUTHORIZED_PURCHASE", "UNAUTHORIZED_PURCHASE"),
            Map.entry("AMZ-PG-APP-TOO-SMALL", "WRONG_SIZE"),
            Map.entry("AMZ-PG-APP-TOO-LARGE", "WRONG_SIZE"),
            Map.entry("NO_REASON_GIVEN", "OTHER"));

    static final String NO_REASON = "OTHER";
    static final String UNKNOWN_BUYER = "Amazon customer";
    static final String UNKNOWN_CITY = "unknown";
    /** The reader's limits for names and titles, and for the comment. */
    static final int MAX_TEXT = 200;
    static final int MAX_COMMENT = 4000;

    private record Marketplace(String locale, String country) {
    }

    /** Amazon marketplace ids and the buyer's language and country there. */
    private static final Map<String, Marketplace> MARKETPLACES = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", new Marketplace("en-US", "US")),
            Map.entry("A2EUQ1WTGCTBG2", new Marketplace("en-CA", "CA")),
            Map.entry("A1AM78C64UM0Y8", new Marketplace("es-MX", "MX")),
            Map.entry("A1F83G8C2ARO7P", new Marketplace("en-GB", "GB")),
            Map.entry("A1PA6795UKMFR9", new Marketplace("de-DE", "DE")),
            Map.entry("A13V1IB3VIYZZH", new Marketplace("fr-FR", "FR")),
            Map.entry("APJ6JRA9NG5V4", new Marketplace("it-IT", "IT")),
            Map.entry("A1RKKUPIHCS9HS", new Marketplace("es-ES", "ES")),
            Map.entry("A1805IZSGTT6HS", new Marketplace("nl-NL", "NL")),
            Map.entry("A1VC38T7YXB528", new Marketplace("ja-JP", "JP")),
            Map.entry("A39IBJ37TRP1C6", new Marketplace("en-AU", "AU")),
            Map.entry("A21TJRUUN4KGV", new Marketplace("en-IN", "IN")));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, String> reasons;

    /** The default reason table. */
    public AmazonReturnMapper() {
        this(Map.of());
    }

    /** The default reason table, with {@code overrides} (Amazon code to gateway reason) added or replacing entries. */
    public AmazonReturnMapper(Map<String, String> overrides) {
        Map<String, String> table = new HashMap<>();
        DEFAULT_REASONS.forEach((code, reason) -> table.put(key(code), reason));
        overrides.forEach((code, reason) -> {
            if (code == null || code.isBlank() || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason override '" + code + "' -> '" + reason
                        + "': both the Amazon code and the gateway reason are needed");
            }
            table.put(key(code), reason.strip());
        });
        this.reasons = Map.copyOf(table);
    }

    /** The rows of each return (same Amazon RMA ID), returns in the order they first appear, rows in file order. */
    public static Map<String, List<ReturnReportRow>> byReturn(List<ReturnReportRow> rows) {
        Map<String, List<ReturnReportRow>> grouped = new LinkedHashMap<>();
        for (ReturnReportRow row : rows) {
            grouped.computeIfAbsent(row.amazonRmaId(), id -> new ArrayList<>()).add(row);
        }
        Map<String, List<ReturnReportRow>> copy = new LinkedHashMap<>();
        grouped.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** The gateway's reason for an Amazon reason code: from the table, OTHER when empty, else the code itself. */
    public String reason(String amazonReasonCode) {
        if (amazonReasonCode == null || amazonReasonCode.isBlank()) {
            return NO_REASON;
        }
        return reasons.getOrDefault(key(amazonReasonCode), amazonReasonCode.strip());
    }

    /**
     * The return object for one return.
     *
     * @param marketplaceCode the gateway's name of the marketplace (a key of {@code gateway.marketplaces})
     * @param rowsOfOneReturn the report rows of one Amazon RMA, one per item (see {@link #byReturn})
     * @param order           what the Orders API said about the order, or null when it could not be asked
     * @param fallback        email and locale for when the order does not give them
     * @throws IllegalArgumentException when the rows are empty, belong to several returns or orders, or the order is
     *                                  another one than the rows'
     */
    public ObjectNode toReturnObject(String marketplaceCode, List<ReturnReportRow> rowsOfOneReturn, AmazonOrder order,
                                     Fallback fallback) {
        Objects.requireNonNull(fallback, "fallback");
        List<ReturnReportRow> rows = checked(rowsOfOneReturn, order);
        ReturnReportRow first = rows.get(0);
        Instant requestedAt = rows.stream().map(ReturnReportRow::returnRequestDate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow(() -> new IllegalArgumentException("return "
                        + first.amazonRmaId() + " has no Return request date"));

        ObjectNode node = NODES.objectNode();
        node.put("marketplace", marketplaceCode);
        node.put("returnId", first.amazonRmaId());
        node.put("orderId", first.orderId());
        node.put("requestedAt", requestedAt.toString());
        node.put("updatedAt", requestedAt.toString());
        node.put("resolution", replacement(rows) ? "REPLACE" : "REFUND");
        node.put("refundType", "FULL");
        node.put("reason", reason(rows.stream().map(ReturnReportRow::returnReason).filter(Objects::nonNull)
                .findFirst().orElse(null)));
        node.put("comment", comment(rows, order));
        node.set("buyer", buyer(first.orderId(), order, fallback));
        ArrayNode items = node.putArray("items");
        for (ReturnReportRow row : rows) {
            items.add(item(row, order));
        }
        return node;
    }

    private static List<ReturnReportRow> checked(List<ReturnReportRow> rows, AmazonOrder order) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("no report rows: a return has at least one item");
        }
        Set<String> returns = distinct(rows, ReturnReportRow::amazonRmaId);
        if (returns.size() > 1) {
            throw new IllegalArgumentException("the rows belong to " + returns.size() + " returns ("
                    + String.join(", ", returns) + "); group them with byReturn first");
        }
        Set<String> orders = distinct(rows, ReturnReportRow::orderId);
        if (orders.size() > 1) {
            throw new IllegalArgumentException("return " + returns.iterator().next() + " names " + orders.size()
                    + " orders (" + String.join(", ", orders) + "); one return belongs to one order");
        }
        String orderId = orders.iterator().next();
        if (order != null && !orderId.equals(order.orderId())) {
            throw new IllegalArgumentException("return " + returns.iterator().next() + " is for order " + orderId
                    + " but order " + order.orderId() + " was given");
        }
        return rows;
    }

    private static boolean replacement(List<ReturnReportRow> rows) {
        Predicate<String> says = text -> text != null && (text.toLowerCase(Locale.ROOT).contains("replac")
                || text.toLowerCase(Locale.ROOT).contains("exchang"));
        return rows.stream().anyMatch(r -> says.test(r.resolution()) || says.test(r.returnType()));
    }

    /** A short summary of the Amazon facts, for the operator; parts that Amazon left empty are left out. */
    private static String comment(List<ReturnReportRow> rows, AmazonOrder order) {
        List<String> parts = new ArrayList<>();
        parts.add("Amazon RMA " + rows.get(0).amazonRmaId());
        joined(rows, ReturnReportRow::merchantRmaId).ifPresent(v -> parts.add("merchant RMA " + v));
        joined(rows, ReturnReportRow::returnType).ifPresent(v -> parts.add("return type " + v));
        joined(rows, ReturnReportRow::resolution).ifPresent(v -> parts.add("resolution " + v));
        reasonCodes(rows).ifPresent(parts::add);
        label(rows).ifPresent(parts::add);
        if (rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.aToZClaim()))) {
            parts.add("A-to-Z claim");
        }
        if (rows.stream().anyMatch(r -> Boolean.FALSE.equals(r.inPolicy()))) {
            parts.add("out of policy");
        }
        joined(rows, ReturnReportRow::safetClaimId).ifPresent(v -> parts.add("SafeT claim " + v));
        if (order == null) {
            parts.add("order details not available (prices from the returns report)");
        }
        return shortened(String.join("; ", parts), MAX_COMMENT);
    }

    /** Amazon's own reason code, or each item's when they differ. */
    private static Optional<String> reasonCodes(List<ReturnReportRow> rows) {
        Set<String> codes = distinct(rows, ReturnReportRow::returnReason);
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        if (codes.size() == 1) {
            return Optional.of("Amazon reason " + codes.iterator().next());
        }
        return Optional.of("Amazon reasons " + rows.stream()
                .map(r -> r.merchantSku() + " " + (r.returnReason() == null ? "none" : r.returnReason()))
                .collect(Collectors.joining(", ")));
    }

    private static Optional<String> label(List<ReturnReportRow> rows) {
        List<String> label = new ArrayList<>();
        joined(rows, ReturnReportRow::labelType).ifPresent(v -> label.add("label " + v));
        joined(rows, ReturnReportRow::trackingId).ifPresent(v -> label.add("tracking " + v
                + joined(rows, ReturnReportRow::returnCarrier).map(c -> " (" + c + ")").orElse("")));
        return label.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", label));
    }

    private static Optional<String> joined(List<ReturnReportRow> rows,
                                                     Function<ReturnReportRow, String> field) {
        Set<String> values = distinct(rows, field);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    private static Set<String> distinct(List<ReturnReportRow> rows, Function<ReturnReportRow, String> field) {
        return rows.stream().map(field).filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static ObjectNode item(ReturnReportRow row, AmazonOrder order) {
        AmazonOrder.Item line = order == null ? null : order.itemBySku(row.merchantSku()).orElse(null);
        ObjectNode item = NODES.objectNode();
        item.put("sku", row.merchantSku());
        String title = row.itemName() != null ? row.itemName() : line == null ? null : line.title();
        if (singleLine(title) != null) {
            item.put("title", shortened(singleLine(title)));
        }
        item.put("quantity", row.returnQuantity());
        ObjectNode price = unitPrice(row, line);
        if (price != null) {
            item.set("unitPrice", price);
        }
        return item;
    }

    /**
     * The order line's price for one unit when the order has the SKU, else the report's Order Amount for one unit;
     * null when neither is known (the reader then names the missing price).
     */
    private static ObjectNode unitPrice(ReturnReportRow row, AmazonOrder.Item line) {
        if (line != null && line.itemPrice() != null && line.quantityOrdered() > 0) {
            return price(line.itemPrice().amount(), line.quantityOrdered(), line.itemPrice().currency());
        }
        if (row.orderAmount() != null && row.orderQuantity() != null && row.orderQuantity() > 0
                && row.currencyCode() != null) {
            return price(row.orderAmount(), row.orderQuantity(), row.currencyCode());
        }
        return null;
    }

    /**
     * {@code total / quantity} with the currency's decimals, as the reader wants it. An unknown currency is passed on
     * as it is, for the reader to name.
     */
    private static ObjectNode price(BigDecimal total, int quantity, String currency) {
        int digits = currencyDigits(currency);
        ObjectNode price = NODES.objectNode();
        price.put("amount", total.divide(BigDecimal.valueOf(quantity), digits, RoundingMode.HALF_UP).toPlainString());
        price.put("currency", currency);
        return price;
    }

    private static int currencyDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    private static ObjectNode buyer(String orderId, AmazonOrder order, Fallback fallback) {
        Address shipTo = order == null ? null : order.shippingAddress();
        String name = firstText(order == null ? null : order.buyerName(), shipTo == null ? null : shipTo.name(),
                UNKNOWN_BUYER);
        Marketplace marketplace = order == null ? null : MARKETPLACES.get(order.marketplaceId());
        ObjectNode buyer = NODES.objectNode();
        buyer.put("name", shortened(name));
        putIfPresent(buyer, "email", firstText(order == null ? null : order.buyerEmail(), fallback.email()));
        putIfPresent(buyer, "locale", marketplace != null ? marketplace.locale() : singleLine(fallback.locale()));
        buyer.set("address", address(orderId, shipTo, name, country(marketplace, fallback)));
        return buyer;
    }

    /**
     * The shipping address, completed so the reader accepts it: Amazon leaves out the name and street without the PII
     * role, and the label only needs to reach the buyer through the order, hence "Amazon order ..." as the first line.
     */
    private static ObjectNode address(String orderId, Address shipTo, String buyerName, String marketplaceCountry) {
        Address a = shipTo == null ? new Address(null, null, null, null, null, null, null, null) : shipTo;
        ObjectNode address = NODES.objectNode();
        address.put("name", shortened(firstText(a.name(), buyerName)));
        address.put("line1", firstText(a.line1(), "Amazon order " + orderId));
        putIfPresent(address, "line2", singleLine(a.line2()));
        address.put("city", firstText(a.city(), UNKNOWN_CITY));
        putIfPresent(address, "region", singleLine(a.region()));
        putIfPresent(address, "postalCode", singleLine(a.postalCode()));
        putIfPresent(address, "country", firstText(a.country(), marketplaceCountry));
        putIfPresent(address, "phone", singleLine(a.phone()));
        return address;
    }

    /** The marketplace's country; without an order, the country of the fallback locale (en-US: US). */
    private static String country(Marketplace marketplace, Fallback fallback) {
        if (marketplace != null) {
            return marketplace.country();
        }
        if (fallback.locale() == null) {
            return null;
        }
        String country = Locale.forLanguageTag(fallback.locale().strip()).getCountry();
        return country.isEmpty() ? null : country;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            String text = singleLine(candidate);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Control characters (a line break in an address line) become spaces; blank becomes null. */
    private static String singleLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return line.isEmpty() ? null : line;
    }

    /** At most {@link #MAX_TEXT} characters, cut at a whole character: Amazon titles can be longer. */
    private static String shortened(String text) {
        return shortened(text, MAX_TEXT);
    }

    private static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).strip() + "…";
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}

package com.returnsgateway.core.intake;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns a return object (JSON, as the marketplace API serves it and {@code POST /api/returns} takes it) into a
 * {@link ReturnRequest}, or names every field that is wrong. This is the only way in: nothing unchecked reaches a case.
 */
@Component
public class ReturnRequestReader {

    static final int MAX_ID = 128;
    static final int MAX_NAME = 200;
    static final int MAX_COMMENT = 4000;
    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 999;
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    static final int MAX_AMOUNT_TEXT = 40;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]*");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern WAYBILL = Pattern.compile("[A-Za-z0-9-]{4,64}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final GatewayProperties properties;
    private final Clock clock;

    public ReturnRequestReader(GatewayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public ReturnRequest read(JsonNode node) {
        Errors errors = new Errors();
        if (node == null || !node.isObject()) {
            errors.add("$", "must be a JSON object describing one return request");
            throw errors.exception();
        }
        String marketplace = id(node, "marketplace", errors);
        if (marketplace != null && !properties.marketplaces().containsKey(marketplace)) {
            errors.add("marketplace", "unknown marketplace '" + marketplace + "'; configured: "
                    + String.join(", ", properties.marketplaces().keySet().stream().sorted().toList()));
        }
        String returnId = id(node, "returnId", errors);
        String orderId = id(node, "orderId", errors);
        Instant now = clock.instant();
        Instant requestedAt = instant(node, "requestedAt", errors, now);
        Instant updatedAt = instant(node, "updatedAt", errors, requestedAt == null ? now : requestedAt);
        Resolution resolution = enumValue(node, "resolution", Resolution.class, Resolution.REFUND, errors);
        RefundType refundType = enumValue(node, "refundType", RefundType.class, RefundType.FULL, errors);
        String reason = text(node, "reason", false, MAX_NAME, errors);
        String comment = freeText(node, "comment", MAX_COMMENT, errors);
        Buyer buyer = buyer(node.get("buyer"), errors);
        List<ReturnItem> items = items(node.get("items"), errors);
        Money requestedRefund = node.hasNonNull("requestedRefund")
                ? money(node.get("requestedRefund"), "requestedRefund", errors) : null;
        ShipmentRef shipment = node.hasNonNull("shipment") ? shipment(node.get("shipment"), errors) : null;

        // with an item left out (invalid), the items' value and currency are not known: no comparison
        String currency = items == null || items.isEmpty() || errors.has("items")
                ? null : items.get(0).unitPrice().currency();
        if (refundType == RefundType.PARTIAL && requestedRefund == null && !errors.has("requestedRefund")) {
            errors.add("requestedRefund", "is required when refundType is PARTIAL");
        }
        if (requestedRefund != null && currency != null) {
            if (!requestedRefund.currency().equals(currency)) {
                errors.add("requestedRefund.currency", "is " + requestedRefund.currency()
                        + " but the items are priced in " + currency);
            } else {
                Money value = sum(items);
                if (requestedRefund.isGreaterThan(value)) {
                    errors.add("requestedRefund.amount", "is " + requestedRefund.amount().toPlainString()
                            + ", more than the returned items are worth (" + value + ")");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw errors.exception();
        }
        return new ReturnRequest(marketplace, returnId, orderId, requestedAt, updatedAt, resolution, refundType,
                refundType == RefundType.PARTIAL ? requestedRefund : null, reason, comment, buyer, items, shipment);
    }

    private Buyer buyer(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("buyer", "is required");
            return null;
        }
        if (!node.isObject()) {
            errors.add("buyer", "must be an object");
            return null;
        }
        Errors scoped = errors.scope("buyer.");
        String name = text(node, "name", true, MAX_NAME, scoped);
        String email = text(node, "email", true, 320, scoped);
        if (email != null && !EMAIL.matcher(email).matches()) {
            scoped.add("email", "'" + printable(email) + "' is not a valid email address");
            email = null;
        }
        String locale = text(node, "locale", false, 35, scoped);
        if (locale == null) {
            locale = "en-US";
        } else {
            try {
                locale = new Locale.Builder().setLanguageTag(locale).build().toLanguageTag();
            } catch (IllformedLocaleException e) {
                scoped.add("locale", "'" + printable(locale) + "' is not a language tag such as en-US or ja-JP");
            }
        }
        Address address = address(node.get("address"), scoped);
        return new Buyer(name, email, locale, address);
    }

    private Address address(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("address", "is required: the return label needs the buyer's address");
            return null;
        }
        if (!node.isObject()) {
            errors.add("address", "must be an object");
            return null;
        }
        Errors scoped = errors.scope("address.");
        String name = text(node, "name", false, MAX_NAME, scoped);
        String line1 = text(node, "line1", true, MAX_NAME, scoped);
        String line2 = text(node, "line2", false, MAX_NAME, scoped);
        String city = text(node, "city", true, MAX_NAME, scoped);
        String region = text(node, "region", false, MAX_NAME, scoped);
        String postalCode = text(node, "postalCode", false, 20, scoped);
        String country = text(node, "country", true, 2, scoped);
        if (country != null && !COUNTRIES.contains(country)) {
            scoped.add("country", "'" + printable(country) + "' is not an ISO 3166 country code such as US, DE or JP");
        }
        String phone = text(node, "phone", false, 40, scoped);
        return new Address(name, line1, line2, city, region, postalCode, country, phone);
    }

    private List<ReturnItem> items(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("items", "is required: at least one returned item");
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add("items", "must be a non-empty array");
            return null;
        }
        if (node.size() > MAX_ITEMS) {
            errors.add("items", "has " + node.size() + " entries; at most " + MAX_ITEMS + " are accepted");
            return null;
        }
        List<ReturnItem> items = new ArrayList<>();
        // one entry per order line: the refund ledger adds up what each line (SKU) got back across returns
        Map<String, Integer> skuIndex = new HashMap<>();
        String currency = null;
        int currencyIndex = -1;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Errors scoped = errors.scope("items[" + i + "].");
            if (!item.isObject()) {
                scoped.add("", "must be an object");
                continue;
            }
            String sku = text(item, "sku", true, MAX_ID, scoped);
            Integer twice = sku == null ? null : skuIndex.putIfAbsent(sku, i);
            if (twice != null) {
                scoped.add("sku", "'" + printable(sku) + "' is also items[" + twice + "]: list each order line once, "
                        + "with the quantity returned");
            }
            String title = text(item, "title", false, MAX_NAME, scoped);
            Integer quantity = quantity(item, scoped);
            Integer ordered = orderedQuantity(item, quantity, scoped);
            Money price = item.has("unitPrice") && !item.get("unitPrice").isNull()
                    ? money(item.get("unitPrice"), "unitPrice", scoped) : missing("unitPrice", scoped);
            if (price != null && price.amount().signum() == 0) {
                scoped.add("unitPrice.amount", "must be more than zero");
            }
            if (price != null && currency == null) {
                currency = price.currency();
                currencyIndex = i;
            } else if (price != null && !price.currency().equals(currency)) {
                scoped.add("unitPrice.currency", "is " + price.currency() + " but items[" + currencyIndex
                        + "] is priced in " + currency + "; one return has one currency");
            }
            if (sku != null && quantity != null && price != null && price.isPositive()) {
                items.add(new ReturnItem(sku, title, quantity, price, ordered));
            }
        }
        return items;
    }

    private static Integer quantity(JsonNode item, Errors errors) {
        JsonNode q = item.get("quantity");
        if (q == null || q.isNull()) {
            errors.add("quantity", "is required");
            return null;
        }
        // canConvertToInt first: asInt() throws on 2^64 and more in Jackson 3
        if (!q.isIntegralNumber() || !q.canConvertToInt() || q.asInt() < 1 || q.asInt() > MAX_QUANTITY) {
            errors.add("quantity", "must be a whole number from 1 to " + MAX_QUANTITY + ", got " + abbreviate(q.toString()));
            return null;
        }
        return q.asInt();
    }

    /** How many the buyer bought on this order line, when the marketplace says; never fewer than returned. */
    private static Integer orderedQuantity(JsonNode item, Integer quantity, Errors errors) {
        JsonNode q = item.get("orderedQuantity");
        if (q == null || q.isNull()) {
            return null;
        }
        if (!q.isIntegralNumber() || !q.canConvertToInt() || q.asInt() < 1 || q.asInt() > MAX_QUANTITY) {
            errors.add("orderedQuantity", "must be a whole number from 1 to " + MAX_QUANTITY + ", got "
                    + abbreviate(q.toString()));
            return null;
        }
        if (quantity != null && q.asInt() < quantity) {
            errors.add("orderedQuantity", "is " + q.asInt() + ", fewer than the quantity returned (" + quantity + ")");
            return null;
        }
        return q.asInt();
    }

    private static Money missing(String field, Errors errors) {
        errors.add(field, "is required");
        return null;
    }

    private static Money money(JsonNode node, String field, Errors errors) {
        if (!node.isObject()) {
            errors.add(field, "must be an object {\"amount\": \"12.34\", \"currency\": \"USD\"}");
            return null;
        }
        JsonNode amountNode = node.get("amount");
        BigDecimal amount = null;
        // the amount as sent, for messages: toPlainString() of 1e999999999 would be a billion characters
        String shown = null;
        if (amountNode == null || amountNode.isNull()) {
            errors.add(field + ".amount", "is required");
        } else if (amountNode.isNumber() || amountNode.isString()) {
            String raw = amountNode.asString().trim();
            shown = abbreviate(raw);
            if (raw.length() > MAX_AMOUNT_TEXT) {
                // BigDecimal.stripTrailingZeros() is quadratic in the number of digits
                errors.add(field + ".amount", "is " + raw.length() + " characters long; at most "
                        + MAX_AMOUNT_TEXT + " are accepted");
            } else {
                try {
                    amount = new BigDecimal(raw);
                } catch (NumberFormatException e) {
                    errors.add(field + ".amount", "'" + shown + "' is not a decimal number");
                }
            }
        } else {
            errors.add(field + ".amount", "must be a decimal number");
        }
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_PRICE) > 0)) {
            errors.add(field + ".amount", "must be between 0 and " + MAX_PRICE.toPlainString() + ", got " + shown);
            amount = null;
        }
        String currency = node.hasNonNull("currency") && node.get("currency").isString()
                ? node.get("currency").asString() : null;
        if (currency == null) {
            errors.add(field + ".currency", "is required (an ISO 4217 code such as USD, EUR, JPY)");
        } else if (!isCurrency(currency)) {
            errors.add(field + ".currency", "'" + printable(currency) + "' is not an ISO 4217 currency code");
            currency = null;
        }
        if (amount == null || currency == null) {
            return null;
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > Math.max(digits, 0)) {
            errors.add(field + ".amount", shown + " has more decimals than " + currency + " allows ("
                    + digits + ")");
            return null;
        }
        return new Money(amount, currency);
    }

    private ShipmentRef shipment(JsonNode node, Errors errors) {
        if (!node.isObject()) {
            errors.add("shipment", "must be an object {\"forwarder\": ..., \"waybill\": ...}");
            return null;
        }
        Errors scoped = errors.scope("shipment.");
        String forwarder = text(node, "forwarder", true, 64, scoped);
        if (forwarder != null && !properties.forwarders().containsKey(forwarder)) {
            scoped.add("forwarder", "unknown forwarder '" + printable(forwarder) + "'; configured: "
                    + String.join(", ", properties.forwarders().keySet().stream().sorted().toList()));
        }
        String waybill = text(node, "waybill", true, 64, scoped);
        if (waybill != null && !WAYBILL.matcher(waybill).matches()) {
            scoped.add("waybill", "must be 4 to 64 letters, digits or dashes");
        }
        String lastMileNumber = null;
        String lastMileCarrier = null;
        JsonNode lastMile = node.get("lastMile");
        if (lastMile != null && !lastMile.isNull()) {
            if (!lastMile.isObject()) {
                scoped.add("lastMile", "must be an object {\"number\": ..., \"carrier\": ...} (carrier optional)");
            } else {
                Errors lastMileErrors = scoped.scope("lastMile.");
                lastMileNumber = text(lastMile, "number", true, 64, lastMileErrors);
                if (lastMileNumber != null && !WAYBILL.matcher(lastMileNumber).matches()) {
                    lastMileErrors.add("number", "must be 4 to 64 letters, digits or dashes");
                }
                lastMileCarrier = text(lastMile, "carrier", false, 32, lastMileErrors);
            }
        }
        return new ShipmentRef(forwarder, waybill, lastMileNumber, lastMileCarrier);
    }

    private static Money sum(List<ReturnItem> items) {
        Money total = Money.zero(items.get(0).unitPrice().currency());
        for (ReturnItem item : items) {
            total = total.plus(item.total());
        }
        return total;
    }

    private static String id(JsonNode node, String field, Errors errors) {
        String value = text(node, field, true, MAX_ID, errors);
        if (value != null && !ID.matcher(value).matches()) {
            errors.add(field, "'" + printable(value) + "' may hold only letters, digits and . _ : / # -");
            return null;
        }
        return value;
    }

    /** A single-line text: control characters (CR, LF, NUL...) are refused, they have no business in a name. */
    private static String text(JsonNode node, String field, boolean required, int max, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(field, "must be a string, got " + abbreviate(value.toString()));
            return null;
        }
        String text = value.asString().strip();
        if (text.length() > max) {
            errors.add(field, "is " + text.length() + " characters long; at most " + max + " are accepted");
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            errors.add(field, "contains control characters (CR, LF, NUL or similar)");
            return null;
        }
        return text;
    }

    /** Free text (a buyer's comment): line breaks allowed, other control characters refused. */
    private static String freeText(JsonNode node, String field, int max, Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(field, "must be a string");
            return null;
        }
        String text = value.asString();
        if (text.length() > max) {
            errors.add(field, "is " + text.length() + " characters long; at most " + max + " are accepted");
            return null;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(field, "contains control characters");
            return null;
        }
        return text.strip();
    }

    private static Instant instant(JsonNode node, String field, Errors errors, Instant fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            errors.add(field, "'" + abbreviate(value.asString()) + "' is not an ISO-8601 instant such as 2026-11-26T08:30:00Z");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, E fallback,
                                                   Errors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.asString());
        } catch (IllegalArgumentException e) {
            errors.add(field, "'" + abbreviate(value.asString()) + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String printable(String value) {
        return abbreviate(value.replaceAll("\\p{Cntrl}", "?"));
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }

    /** Collects errors under a JSON path prefix. */
    private static final class Errors {
        private final List<FieldError> list;
        private final String prefix;

        Errors() {
            this(new ArrayList<>(), "");
        }

        private Errors(List<FieldError> list, String prefix) {
            this.list = list;
            this.prefix = prefix;
        }

        Errors scope(String more) {
            return new Errors(list, prefix + more);
        }

        void add(String field, String message) {
            String path = prefix + field;
            list.add(new FieldError(path.endsWith(".") ? path.substring(0, path.length() - 1) : path, message));
        }

        boolean has(String field) {
            return list.stream().anyMatch(e -> e.field().startsWith(prefix + field));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        InvalidReturnRequestException exception() {
            return new InvalidReturnRequestException(list);
        }
    }
}

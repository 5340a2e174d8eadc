package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading request bodies and writing Amazon's formats; bad input is a 400 InvalidInput naming the field. */
final class AmazonJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Amazon's timestamps: {@code 2026-11-20T08:15:00+00:00}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private AmazonJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ObjectNode requireObject(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw SpApiException.invalidInput(what + " must be a JSON object");
        }
        return (ObjectNode) body;
    }

    /** A string field, or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String requireText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw SpApiException.invalidInput(field + " is required");
        }
        return value;
    }

    /** A non-empty array of strings. */
    static List<String> requireTextList(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw SpApiException.invalidInput(field + " is required and must be a non-empty array");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode v : value) {
            if (!v.isString() || v.stringValue().isBlank()) {
                throw SpApiException.invalidInput(field + " must hold strings");
            }
            list.add(v.stringValue().trim());
        }
        return List.copyOf(list);
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.stringValue().trim());
            } catch (NumberFormatException e) {
                throw SpApiException.invalidInput(field + " is not a number: " + value.stringValue());
            }
        }
        throw SpApiException.invalidInput(field + " is not a number");
    }

    static int positiveInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw SpApiException.invalidInput(field + " is required and must be a whole number of at least 1");
        }
        return value.intValue();
    }

    static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw SpApiException.invalidInput(field + " must be true or false");
        }
        return value.booleanValue();
    }

    /** An ISO-8601 timestamp with offset or Z, truncated to the second as Amazon keeps them. */
    static Instant instant(String value, String field) {
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw SpApiException.invalidInput(field + " is not an ISO-8601 date-time: " + value);
        }
    }

    /** {@code 45m}, {@code 3d}, {@code PT2H}. */
    static Duration duration(String value, String field) {
        try {
            Duration d = DurationStyle.detectAndParse(value);
            if (d.isNegative()) {
                throw SpApiException.invalidInput(field + " must not be negative: " + value);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw SpApiException.invalidInput(field + " is not a duration (45m, 3d, PT2H): " + value);
        }
    }

    static String timestamp(Instant instant) {
        return instant == null ? null
                : TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** An ISO 4217 currency code, or 400. */
    static Currency currency(String code, String field) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SpApiException.invalidInput(field + " is not an ISO 4217 currency code: " + code);
        }
    }

    /** An amount written with the currency's digits: {@code 39.99} USD, {@code 2980} JPY. */
    static String plain(BigDecimal amount, Currency currency) {
        return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}

package com.returnsgateway.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers over Jackson 3 trees; the sandbox keeps its own mapper, independent of the gateway's. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A string field, or null when absent, null or blank. Non-string scalars are read as text. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text;
    }

    static String requireText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw SandboxException.badRequest(field + " is required");
        }
        return value;
    }

    /** A number or numeric string, or null when absent; 400 naming the field when not a number. */
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
                throw SandboxException.badRequest(field + " is not a number: " + value.stringValue());
            }
        }
        throw SandboxException.badRequest(field + " is not a number");
    }

    /** A boolean field with a default; 400 naming the field when present but not a boolean. */
    static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw SandboxException.badRequest(field + " must be true or false");
        }
        return value.booleanValue();
    }

    /** An ISO-8601 instant ({@code 2026-11-26T10:00:00Z}, an offset is accepted too); 400 naming the field. */
    static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw SandboxException.badRequest(field + " is not an ISO-8601 instant: " + value);
            }
        }
    }
}

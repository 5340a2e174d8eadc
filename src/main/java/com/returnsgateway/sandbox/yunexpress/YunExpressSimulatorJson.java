package com.returnsgateway.sandbox.yunexpress;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The YunExpress simulators' JSON: request bodies read from their raw bytes, answers built as trees. */
final class YunExpressSimulatorJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private YunExpressSimulatorJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The body as JSON, or null when empty or not JSON. */
    static JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(raw);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A scalar field as trimmed text; null when absent, null, blank or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}

package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON answers of the gateway's HTTP contract; an answer that makes no sense is a permanent failure. */
final class JsonAnswers {

    private JsonAnswers() {
    }

    /** The answer as a JSON object; empty or invalid JSON is refused, naming {@code who} and {@code what}. */
    static JsonNode object(JsonMapper json, String body, String who, String what) {
        if (body == null || body.isBlank()) {
            throw RemoteCallException.permanent(who + " answered " + what + "with an empty body");
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JacksonException e) {
            throw RemoteCallException.permanent(who + " answered " + what + "with invalid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "): " + HttpResponses.oneLine(body));
        }
    }

    /** The answer as JSON, or an empty object when it is not: the call succeeded, an unreadable reference does not undo it. */
    static JsonNode lenient(JsonMapper json, String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    /** A text field, at most 500 characters; null when absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}

package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Reading YunExpress's envelopes and writing request bodies; an answer that makes no sense is a permanent failure. */
final class YunExpressJson {

    private final JsonMapper json;
    // non-ASCII characters (a buyer's reason in Chinese) written as \\u escapes: the body's bytes are the string's
    // characters whatever charset a proxy assumes, so the signature over them holds
    private final ObjectWriter asciiWriter;

    YunExpressJson(JsonMapper json) {
        this.json = json;
        this.asciiWriter = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    }

    String write(Object body) {
        return asciiWriter.writeValueAsString(body);
    }

    /** The answer as a JSON object; empty or invalid JSON, or not an object, is refused naming {@code what}. */
    JsonNode object(String body, String what) {
        if (body == null || body.isBlank()) {
            throw RemoteCallException.permanent(what + " answered with an empty body");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw RemoteCallException.permanent(what + " answered JSON that is not an object: "
                        + HttpResponses.oneLine(body));
            }
            return node;
        } catch (JacksonException e) {
            throw RemoteCallException.permanent(what + " answered with invalid JSON: " + HttpResponses.oneLine(body));
        }
    }

    /** The answer as JSON, or null when it is not (an error page in front of the service). */
    JsonNode lenient(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A scalar field as trimmed text (numbers too: codes come as "0000" or 0); null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Whether one of the fields of {@code node} names {@code number} (case and surrounding blanks ignored). */
    static boolean names(JsonNode node, String number, String... fields) {
        String wanted = number.strip().toUpperCase(Locale.ROOT);
        for (String field : fields) {
            String value = text(node, field);
            if (value != null && value.toUpperCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entry about {@code number}: a single object is taken as it is, a list gives the entry one of whose
     * {@code fields} names the number; null when there is none.
     */
    static JsonNode entryFor(JsonNode result, String number, String... fields) {
        if (result == null || result.isNull()) {
            return null;
        }
        if (result.isObject()) {
            return result.isEmpty() ? null : result;
        }
        if (result.isArray()) {
            for (JsonNode entry : result) {
                if (entry.isObject() && names(entry, number, fields)) {
                    return entry;
                }
            }
        }
        return null;
    }
}

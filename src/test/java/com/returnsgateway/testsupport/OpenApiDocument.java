package com.returnsgateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAPI 3.1 document, and a strict check of JSON values against its schemas: the subset of JSON Schema that the
 * gateway's descriptions use ({@code type} (one or several), {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code $ref}, {@code enum}, {@code oneOf}/{@code anyOf}/{@code allOf},
 * {@code format: date-time}, {@code pattern}, lengths, {@code minimum}, {@code minItems}).
 * <p>
 * Stricter than JSON Schema on purpose: an object schema without {@code additionalProperties} allows no property it
 * does not name, so a field added to the code and not to the description fails. A keyword the check does not know
 * fails too, so that nothing passes unchecked.
 */
public final class OpenApiDocument {

    /** Keywords that describe and do not constrain. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples", "default",
            "deprecated", "readOnly", "writeOnly", "externalDocs", "xml", "$schema", "contentMediaType");
    private static final Set<String> CHECKED = Set.of("type", "properties", "required", "additionalProperties",
            "items", "$ref", "enum", "oneOf", "anyOf", "allOf", "format", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "minItems", "maxItems", "nullable");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /**
     * The description served at {@code path} ({@code /v3/api-docs}, {@code /v3/api-docs/<group>}), read without
     * credentials. springdoc builds it at the first call, which takes long on a busy machine: hence the long timeout.
     */
    public static OpenApiDocument fetch(int port, String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(90)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return of(Http.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static OpenApiDocument of(JsonNode root) {
        if (root == null || !root.path("openapi").asString("").startsWith("3.")) {
            throw new IllegalArgumentException("not an OpenAPI 3 document: " + root);
        }
        return new OpenApiDocument(root);
    }

    public JsonNode root() {
        return root;
    }

    /** Every operation as "METHOD /path template", such as {@code GET /api/cases/{caseId}}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    public JsonNode operation(String method, String pathTemplate) {
        JsonNode operation = root.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the description has no operation " + method + " " + pathTemplate);
        }
        return operation;
    }

    /** A parameter's schema ({@code in}: path, query, header), following $ref. */
    public JsonNode parameterSchema(String method, String pathTemplate, String in, String name) {
        for (JsonNode parameter : operation(method, pathTemplate).path("parameters")) {
            JsonNode p = resolve(parameter);
            if (in.equals(p.path("in").asString()) && name.equalsIgnoreCase(p.path("name").asString())) {
                return p.path("schema");
            }
        }
        throw new AssertionError(method + " " + pathTemplate + " has no " + in + " parameter " + name);
    }

    /**
     * What is wrong with an answer: a status the operation does not document, a media type it does not list for that
     * status, or a JSON body that does not match the schema.
     */
    public List<String> answerViolations(String method, String pathTemplate, int status, String contentType,
                                         byte[] body) {
        String where = method + " " + pathTemplate + " answered " + status;
        JsonNode responses = operation(method, pathTemplate).path("responses");
        JsonNode response = responses.get(String.valueOf(status));
        if (response == null) {
            response = responses.get(status / 100 + "XX");
        }
        if (response == null) {
            response = responses.get("default");
        }
        if (response == null) {
            return List.of(where + ", a status the description does not list (it lists " + names(responses) + ")");
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            return empty ? List.of() : List.of(where + " with a body the description does not mention");
        }
        String mediaType = contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = mediaType == null ? null : content.get(mediaType);
        if (media == null) {
            return List.of(where + " as " + mediaType + "; the description lists " + names(content));
        }
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        JsonNode value;
        try {
            value = Http.JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(where + " with a body that is not JSON: " + new String(body, StandardCharsets.UTF_8));
        }
        return violations(value, media.path("schema"), where + " $");
    }

    /** What is wrong with a request body against the operation's JSON request schema. */
    public List<String> requestViolations(String method, String pathTemplate, JsonNode body) {
        JsonNode requestBody = resolve(operation(method, pathTemplate).path("requestBody"));
        JsonNode schema = requestBody.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " describes no application/json request body");
        }
        return violations(body, schema, method + " " + pathTemplate + " request $");
    }

    /** What is wrong with {@code value} against {@code schema}, each naming the JSON path; empty when it matches. */
    public List<String> violations(JsonNode value, JsonNode schema, String path) {
        List<String> found = new ArrayList<>();
        check(value, schema, path, found);
        return found;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> found) {
        if (schema.has("$ref")) {
            check(value, resolve(schema), path, found);
            return;
        }
        for (Iterator<String> keys = schema.propertyNames().iterator(); keys.hasNext(); ) {
            String key = keys.next();
            if (!CHECKED.contains(key) && !ANNOTATIONS.contains(key) && !key.startsWith("x-")) {
                found.add(path + ": the schema uses '" + key + "', which this check does not know");
            }
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            boolean one = schema.has("oneOf");
            List<List<String>> branches = new ArrayList<>();
            for (JsonNode branch : schema.get(one ? "oneOf" : "anyOf")) {
                branches.add(violations(value, branch, path));
            }
            long matching = branches.stream().filter(List::isEmpty).count();
            if (matching == 0 || (one && matching > 1)) {
                found.add(path + ": " + (matching == 0 ? "matches none of " : "matches more than one of ")
                        + (one ? "oneOf" : "anyOf") + " " + branches);
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, path, found);
        }
        if (schema.has("type") || schema.has("nullable")) {
            List<String> types = new ArrayList<>();
            if (schema.path("type").isArray()) {
                schema.get("type").forEach(t -> types.add(t.asString()));
            } else if (schema.has("type")) {
                types.add(schema.get("type").asString());
            }
            if (schema.path("nullable").asBoolean(false)) {
                types.add("null");
            }
            if (!types.isEmpty() && types.stream().noneMatch(type -> isOfType(value, type))) {
                found.add(path + ": " + kind(value) + " where the description says " + types);
                return;
            }
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value) || (allowed.isString() && value.isString()
                        && allowed.asString().equals(value.asString()));
            }
            if (!listed) {
                found.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isString()) {
            checkString(value.asString(), schema, path, found);
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
                found.add(path + ": " + number + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
                found.add(path + ": " + number + " is above the maximum " + schema.get("maximum"));
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                found.add(path + ": " + value.size() + " items, fewer than " + schema.get("minItems"));
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                found.add(path + ": " + value.size() + " items, more than " + schema.get("maxItems"));
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.get("items"), path + "[" + i + "]", found);
                }
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, found);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> found) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString())) {
                found.add(path + ": the required property '" + required.asString() + "' is missing");
            }
        }
        // only oneOf/anyOf/allOf wrappers and plain objects get here; a wrapper leaves properties to its branches
        boolean describesProperties = schema.has("properties") || schema.has("additionalProperties")
                || "object".equals(schema.path("type").asString(null));
        if (!describesProperties) {
            return;
        }
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            String at = path + "." + property.getKey();
            JsonNode propertySchema = properties.get(property.getKey());
            if (propertySchema != null) {
                check(property.getValue(), propertySchema, at, found);
            } else if (additional != null && additional.isObject()) {
                check(property.getValue(), additional, at, found);
            } else if (additional == null || !additional.asBoolean(false)) {
                found.add(at + ": a property the description does not have (it has " + names(properties) + ")");
            }
        }
    }

    private static void checkString(String text, JsonNode schema, String path, List<String> found) {
        if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
            found.add(path + ": '" + text + "' is shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
            found.add(path + ": '" + cut(text) + "' is longer than " + schema.get("maxLength"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
            found.add(path + ": '" + cut(text) + "' does not match " + schema.get("pattern").asString());
        }
        if ("date-time".equals(schema.path("format").asString(null))) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                found.add(path + ": '" + cut(text) + "' is not an RFC 3339 date-time");
            }
        }
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "null" -> value.isNull();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new AssertionError("unknown JSON Schema type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + cut(value.toString());
    }

    /** The node a {@code $ref} ("#/components/...") points at; the node itself when it has none. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/") || hops > 20) {
                throw new AssertionError("cannot follow $ref " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError("$ref " + ref + " points at nothing");
            }
            current = target;
        }
        return current;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static String cut(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}

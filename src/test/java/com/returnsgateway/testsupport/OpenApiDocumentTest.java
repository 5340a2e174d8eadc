package com.returnsgateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The strict schema check the API and contract tests rely on: what it lets through and what it refuses. */
class OpenApiDocumentTest {

    private static final OpenApiDocument DOCS = OpenApiDocument.of(Http.JSON.readTree("""
            {"openapi": "3.1.0", "paths": {"/things/{id}": {"get": {"responses": {
               "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
               "5XX": {"description": "later"}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "state"], "properties": {
                  "id": {"type": "string", "pattern": "^T-"},
                  "state": {"type": "string", "enum": ["NEW", "DONE"]},
                  "note": {"type": ["string", "null"], "maxLength": 5},
                  "at": {"type": "string", "format": "date-time"},
                  "part": {"oneOf": [{"$ref": "#/components/schemas/Part"}, {"type": "null"}]},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "extra": {"type": "object", "additionalProperties": true}}},
               "Part": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 1}}},
               "Odd": {"type": "string", "not": {"const": "x"}}}}}
            """));

    @Test
    void aMatchingAnswerHasNoViolations() {
        assertThat(answer("""
                {"id": "T-1", "state": "NEW", "note": null, "at": "2026-11-20T08:00:00Z", "part": {"n": 2},
                 "tags": ["a"], "extra": {"anything": [1, 2]}}""", 200)).isEmpty();
        assertThat(answer("{\"id\": \"T-1\", \"state\": \"DONE\", \"part\": null}", 200)).isEmpty();
        assertThat(answer("", 503)).as("a documented range without a body").isEmpty();
    }

    @Test
    void aPropertyTheDescriptionLacksIsRefusedAtAnyDepth() {
        assertThat(answer("{\"id\": \"T-1\", \"state\": \"NEW\", \"added\": 1}", 200))
                .singleElement().asString().contains("$.added").contains("does not have");
        assertThat(answer("{\"id\": \"T-1\", \"state\": \"NEW\", \"part\": {\"n\": 1, \"m\": 2}}", 200))
                .anySatisfy(v -> assertThat(v).contains("$.part"));
    }

    @Test
    void missingRequiredWrongTypeNullAndBadValuesAreRefused() {
        assertThat(answer("{\"state\": \"NEW\"}", 200)).singleElement().asString().contains("'id' is missing");
        assertThat(answer("{\"id\": null, \"state\": \"NEW\"}", 200)).singleElement().asString()
                .contains("$.id: null");
        assertThat(answer("{\"id\": \"X-1\", \"state\": \"GONE\", \"note\": \"too long\", \"at\": \"yesterday\","
                + " \"part\": {\"n\": 0}, \"tags\": [1]}", 200)).hasSize(6);
    }

    @Test
    void anUndocumentedStatusOrMediaTypeIsRefused() {
        assertThat(answer("{}", 404)).singleElement().asString().contains("does not list");
        assertThat(DOCS.answerViolations("GET", "/things/{id}", 200, "text/html", "<html>".getBytes(
                StandardCharsets.UTF_8))).singleElement().asString().contains("text/html");
    }

    @Test
    void aKeywordTheCheckDoesNotKnowFailsRatherThanPassUnchecked() {
        JsonNode odd = DOCS.root().at("/components/schemas/Odd");
        assertThat(DOCS.violations(Http.JSON.readTree("\"y\""), odd, "$")).singleElement().asString()
                .contains("'not'");
    }

    private static java.util.List<String> answer(String json, int status) {
        return DOCS.answerViolations("GET", "/things/{id}", status, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }
}

package com.returnsgateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** What {@code POST /api/returns} answers: the case that holds the return, new (202) or the same again (200). */
@Schema(description = "The case that holds the return")
public record IntakeAnswer(
        @Schema(description = "The case's id", example = "RC-7F3K2M9Q")
        String caseId,
        @Schema(description = "true when this return was received before (HTTP 200): the case is the first one's")
        boolean duplicate,
        @Schema(description = "The case's path in this API, as in the Location header", example = "/api/cases/RC-7F3K2M9Q")
        @JsonProperty("case")
        String caseLink) {
}

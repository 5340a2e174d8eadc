package com.returnsgateway.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of cases, newest first, as {@code GET /api/cases} answers. */
@Schema(description = "One page of cases, newest first")
public record CaseList(
        @Schema(description = "The cases of this page, without their detail (request, timeline, ... are null)")
        List<CaseView> cases,
        @Schema(description = "The page number, from 0")
        int page,
        @Schema(description = "Cases per page (at most 200)")
        int size,
        @Schema(description = "Cases matching the filter, on all pages")
        long total) {
}

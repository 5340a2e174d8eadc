package com.returnsgateway.api;

import com.returnsgateway.core.returns.ReturnParcels;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What {@code POST /api/cases/{caseId}/return-tracking} answers: the number now followed for the case. */
@Schema(description = "The return parcel's tracking number, now followed for the case")
public record ReturnTrackingAnswer(
        String caseId,
        String number,
        @Schema(description = "The carrier as given; null when the carrier is found from the number")
        @Nullable String carrier,
        @Schema(description = "NEW: the case had no return number; SAME: it had this one; REPLACED: it had another",
                allowableValues = {"NEW", "SAME", "REPLACED"})
        ReturnParcels.Attached attached) {
}

package com.returnsgateway.core.model;

import java.time.Instant;

/** A return request the gateway is working on, with where it stands now. */
public record ReturnCase(
        String caseId,
        ReturnRequest request,
        CaseStatus status,
        ShipmentState shipmentState,
        String forwarderCode,
        String statusReason,
        CaseStatus resumeStatus,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt) {

    public Phase phase() {
        return status.phase();
    }

    public String marketplace() {
        return request.marketplace();
    }
}

package com.returnsgateway.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A refund (or, for a replacement request, a reship) the gateway has decided on. The idempotency key is
 * stored before the first attempt and sent with every attempt, so the money moves once.
 */
public record RefundInstruction(
        long id,
        String caseId,
        String idempotencyKey,
        Kind kind,
        RefundType type,
        Money amount,
        RefundReason reason,
        Status status,
        @Nullable String remoteReference,
        Instant createdAt,
        @Nullable Instant sentAt) {

    public enum Kind {
        REFUND,
        RESHIP
    }

    public enum Status {
        PENDING,
        SENT
    }
}

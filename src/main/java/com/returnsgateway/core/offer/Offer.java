package com.returnsgateway.core.offer;

import com.returnsgateway.core.model.Money;
import java.time.Instant;

/** A partial refund offered to keep the item, as stored; {@code answer} is null while it is open. */
public record Offer(String caseId, Money amount, String nonce, Instant offeredAt, Instant expiresAt,
                   Instant answeredAt, Answer answer) {

    public enum Answer {
        ACCEPTED, DECLINED, EXPIRED
    }

    public boolean open() {
        return answeredAt == null;
    }
}

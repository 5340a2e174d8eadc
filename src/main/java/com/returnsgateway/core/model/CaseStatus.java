package com.returnsgateway.core.model;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a return case. Each status belongs to one phase and allows a fixed set of next statuses. */
public enum CaseStatus {
    RECEIVED(Phase.ACTIVE),
    SHIPMENT_CHECKED(Phase.ACTIVE),
    INTERCEPT_REQUESTED(Phase.ACTIVE),
    REFUND_PENDING(Phase.ACTIVE),
    AWAITING_FORWARDER(Phase.WAITING),
    /** A refund sent in a batch (Amazon's refund feed) whose answer comes later. */
    AWAITING_MARKETPLACE(Phase.WAITING),
    AWAITING_BUYER(Phase.WAITING),
    AWAITING_RETURN(Phase.WAITING),
    /** The buyer was offered a partial refund to keep the item; the answer (or its deadline) moves the case on. */
    AWAITING_OFFER_ANSWER(Phase.WAITING),
    MANUAL_REVIEW(Phase.WAITING),
    REFUNDED(Phase.DONE),
    RESHIP_REQUESTED(Phase.DONE),
    CLOSED(Phase.DONE);

    private final Phase phase;

    CaseStatus(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }

    public Set<CaseStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(SHIPMENT_CHECKED, MANUAL_REVIEW);
            case SHIPMENT_CHECKED -> EnumSet.of(INTERCEPT_REQUESTED, AWAITING_BUYER, AWAITING_RETURN, REFUND_PENDING,
                    AWAITING_OFFER_ANSWER, MANUAL_REVIEW);
            case INTERCEPT_REQUESTED -> EnumSet.of(REFUND_PENDING, AWAITING_BUYER, AWAITING_FORWARDER, MANUAL_REVIEW);
            // an intercept sent as a file: the answer comes back in a file, or the deadline passes
            case AWAITING_FORWARDER -> EnumSet.of(INTERCEPT_REQUESTED, MANUAL_REVIEW);
            case REFUND_PENDING -> EnumSet.of(REFUNDED, RESHIP_REQUESTED, AWAITING_MARKETPLACE, MANUAL_REVIEW);
            // the feed's processing report answers: accepted (settle goes on) or rejected (manual review)
            case AWAITING_MARKETPLACE -> EnumSet.of(REFUND_PENDING, MANUAL_REVIEW);
            case AWAITING_BUYER -> EnumSet.of(AWAITING_RETURN, REFUND_PENDING, RECEIVED, CLOSED, MANUAL_REVIEW);
            case AWAITING_RETURN -> EnumSet.of(REFUND_PENDING, RECEIVED, CLOSED, MANUAL_REVIEW);
            // accepted: the partial refund; declined or no answer in time: decided again, now towards the label
            case AWAITING_OFFER_ANSWER -> EnumSet.of(REFUND_PENDING, SHIPMENT_CHECKED, CLOSED, MANUAL_REVIEW);
            // an operator's retry sends a case back to where it stopped
            case MANUAL_REVIEW -> EnumSet.of(RECEIVED, INTERCEPT_REQUESTED,
                    REFUND_PENDING, CLOSED);
            case REFUNDED, RESHIP_REQUESTED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }
}

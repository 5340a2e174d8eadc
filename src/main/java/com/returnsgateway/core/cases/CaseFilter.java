package com.returnsgateway.core.cases;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Phase;
import java.time.Instant;

/**
 * Which cases to list; a null field does not filter. {@code text} finds a case by its return id, order id or case id
 * (exactly), a waybill (the request's, the one found for the order, or the intercepted one) or the buyer's name (a
 * part of it, any case). {@code createdFrom} is inclusive, {@code createdTo} exclusive.
 */
public record CaseFilter(CaseStatus status, Phase phase, String marketplace, String orderId, String forwarder,
                         String reason, Instant createdFrom, Instant createdTo, String text) {

    /** The API's filter: status, phase, marketplace and order id. */
    public CaseFilter(CaseStatus status, Phase phase, String marketplace, String orderId) {
        this(status, phase, marketplace, orderId, null, null, null, null, null);
    }
}

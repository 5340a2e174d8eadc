package com.returnsgateway.api;

import com.returnsgateway.core.intercept.InterceptRepository.InterceptRecord;
import com.returnsgateway.core.mail.EmailLog.SentEmail;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Phase;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentState;
import com.returnsgateway.core.model.TimelineEvent;
import java.time.Instant;
import java.util.List;

/**
 * A case as the API shows it: where it stands, and (in detail) its timeline, refunds, intercept and emails.
 * {@code amazonRefund}: what the marketplace's adapter holds about the refund (for Amazon: the feed and message).
 */
public record CaseView(
        String caseId,
        String marketplace,
        String returnId,
        String orderId,
        CaseStatus status,
        Phase phase,
        ShipmentState shipmentState,
        String forwarderCode,
        String statusReason,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        ReturnRequest request,
        List<TimelineEvent> timeline,
        List<RefundInstruction> refunds,
        InterceptRecord intercept,
        List<SentEmail> emails,
        List<String> flags,
        Object amazonRefund) {

    static CaseView summary(ReturnCase c) {
        return new CaseView(c.caseId(), c.marketplace(), c.request().returnId(), c.request().orderId(), c.status(),
                c.phase(), c.shipmentState(), c.forwarderCode(), c.statusReason(), c.attempts(),
                c.phase() == Phase.ACTIVE ? c.nextAttemptAt() : null, c.createdAt(), c.updatedAt(), null, null, null,
                null, null, null, null);
    }

    static CaseView detail(ReturnCase c, List<TimelineEvent> timeline, List<RefundInstruction> refunds,
                           InterceptRecord intercept, List<SentEmail> emails, List<String> flags,
                           Object amazonRefund) {
        return new CaseView(c.caseId(), c.marketplace(), c.request().returnId(), c.request().orderId(), c.status(),
                c.phase(), c.shipmentState(), c.forwarderCode(), c.statusReason(), c.attempts(),
                c.phase() == Phase.ACTIVE ? c.nextAttemptAt() : null, c.createdAt(), c.updatedAt(), c.request(),
                timeline, refunds, intercept, emails, flags, amazonRefund);
    }
}

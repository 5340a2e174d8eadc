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
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case as the API shows it: where it stands, and (in detail) its timeline, refunds, intercept and emails.
 * {@code amazonRefund}: what the marketplace's adapter holds about the refund (for Amazon: the feed and message).
 */
@Schema(description = "A case: where it stands; in the detail also its request, timeline, refunds, intercept, emails")
public record CaseView(
        String caseId,
        String marketplace,
        String returnId,
        String orderId,
        @Schema(description = "The case's lifecycle state")
        CaseStatus status,
        @Schema(description = "ACTIVE: the gateway works on it; WAITING: on someone outside; DONE")
        Phase phase,
        @Schema(description = "The parcel's state once the forwarder was asked")
        @Nullable ShipmentState shipmentState,
        @Nullable String forwarderCode,
        @Schema(description = "Why the case stands where it does (manual review: what a person should look at)")
        @Nullable String statusReason,
        @Schema(description = "Attempts of the current step that failed and will be retried")
        int attempts,
        @Schema(description = "When the gateway works on it next (phase ACTIVE only)")
        @Nullable Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The return request as intake read it, defaults filled in (detail only)")
        @Nullable ReturnRequest request,
        @Schema(description = "Who did what when, oldest first (detail only)")
        @Nullable List<TimelineEvent> timeline,
        @Schema(description = "Refunds and reships decided, with their idempotency keys (detail only)")
        @Nullable List<RefundInstruction> refunds,
        @Schema(description = "The intercept asked of the forwarder, if any (detail only)")
        @Nullable InterceptRecord intercept,
        @Schema(description = "Emails sent for the case (detail only)")
        @Nullable List<SentEmail> emails,
        @Schema(description = "Marks such as BUYER_EMAIL_FALLBACK (detail only)")
        @Nullable List<String> flags,
        @Nullable Object amazonRefund) {

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

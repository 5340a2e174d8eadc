package com.returnsgateway.core.port;

import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import java.util.Optional;

/**
 * A marketplace protocol ({@code gateway.marketplaces.<code>.type}): pay this refund. Its returns come in the other way:
 * the adapter's own poller hands each return to {@link com.returnsgateway.core.intake.Intake}.
 */
public interface MarketplacePort {

    /** The {@code type:} of the marketplaces this adapter speaks to. */
    String type();

    /**
     * Pushes the stored refund with its idempotency key (a re-send is recognised as the same refund). Either the
     * marketplace accepted it now, or it answers later and the case waits in AWAITING_MARKETPLACE, asked again when
     * the answer is in. A refusal is thrown as a {@link com.returnsgateway.core.remote.RemoteCallException}.
     */
    RefundAnswer refund(ReturnCase returnCase, RefundInstruction refund);

    /**
     * Asked before every push of a refund not yet recorded as accepted: what the marketplace already holds under the
     * refund's idempotency key. A database restored or started afresh does not know what was paid; a marketplace that
     * can say so is asked instead of trusted to refuse a replay. Found: counts as accepted, nothing is pushed. Empty:
     * nothing found, or the marketplace cannot say (the default).
     */
    default Optional<RefundAnswer> alreadyRefunded(ReturnCase returnCase, RefundInstruction refund) {
        return Optional.empty();
    }

    /**
     * Whether the marketplace answers a refund later (Amazon's feeds): its adapter then tells of the answer itself
     * (REFUND_ACCEPTED or REFUND_REJECTED, {@link com.returnsgateway.core.refund.RefundEvents}) when it arrives, and
     * the settle step does not tell of it again. False by default: the answer comes with the call.
     */
    default boolean answersLater() {
        return false;
    }

    /**
     * What the marketplace side holds about a case's refund beyond the gateway's own record (Amazon: the feed and
     * message it went in, Amazon's result), shown in the case detail; nothing by default.
     */
    default Optional<Object> refundDetails(String caseId) {
        return Optional.empty();
    }

    /**
     * @param accepted  true when the marketplace accepted the refund
     * @param reference the marketplace's reference of the refund (may be null)
     * @param note      the answer as the timeline says it ("accepted by the marketplace as RF-1"), or why it waits
     */
    record RefundAnswer(boolean accepted, String reference, String note) {

        public static RefundAnswer accepted(String reference, String note) {
            return new RefundAnswer(true, reference, note);
        }

        public static RefundAnswer later(String why) {
            return new RefundAnswer(false, null, why);
        }
    }
}

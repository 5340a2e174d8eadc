package com.returnsgateway.core.refund;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.EMAIL_KIND;
import static com.returnsgateway.core.RouteVariables.IDEMPOTENCY_KEY;
import static com.returnsgateway.core.RouteVariables.PHASE;
import static com.returnsgateway.core.RouteVariables.REFUND_KIND;
import static com.returnsgateway.core.RouteVariables.REFUND_QUEUED;
import static com.returnsgateway.core.RouteVariables.REFUND_SENT;
import static com.returnsgateway.core.RouteVariables.STATUS;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundInstruction.Kind;
import com.returnsgateway.core.model.RefundInstruction.Status;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.BackOfficePort;
import com.returnsgateway.core.port.MarketplacePort;
import com.returnsgateway.core.port.MarketplacePort.RefundAnswer;
import com.returnsgateway.core.port.Marketplaces;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The settle step: push the stored refund to the marketplace's adapter (or the reship to the back office) with its
 * idempotency key, once. A refund already marked SENT is never pushed again.
 */
@Component
public class RefundSteps {

    private final Cases cases;
    private final RefundRepository refunds;
    private final Marketplaces marketplaces;
    private final BackOfficePort backOffice;
    private final RefundEvents refundEvents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RefundSteps(Cases cases, RefundRepository refunds, Marketplaces marketplaces, BackOfficePort backOffice,
                       RefundEvents refundEvents, TransactionTemplate transaction, Clock clock) {
        this.cases = cases;
        this.refunds = refunds;
        this.marketplaces = marketplaces;
        this.backOffice = backOffice;
        this.refundEvents = refundEvents;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sets {@code refundKind}, {@code refundSent}, {@code idempotencyKey} and the buyer email that follows. */
    public void load(@Variable(CASE_ID) String caseId, Exchange exchange) {
        RefundInstruction instruction = instruction(caseId);
        exchange.setVariable(REFUND_KIND, instruction.kind().name());
        exchange.setVariable(REFUND_SENT, instruction.status() == Status.SENT);
        exchange.setVariable(IDEMPOTENCY_KEY, instruction.idempotencyKey());
        exchange.setVariable(EMAIL_KIND, buyerEmailAfter(instruction));
        exchange.setVariable(REFUND_QUEUED, false);
    }

    /**
     * Pushes the refund through the marketplace's adapter, unless the marketplace says it already paid it under the
     * same key (a case read again into a new database). Accepted: marked sent. Answered later (Amazon's feeds):
     * the case waits in AWAITING_MARKETPLACE and {@code refundQueued} is set. Each outcome is told of
     * ({@link RefundEvents}) in the transaction that records it: accepted at once is REFUND_SENT then REFUND_ACCEPTED;
     * queued is REFUND_SENT (the adapter tells of the answer when it comes); refused at once is REFUND_SENT then
     * REFUND_REJECTED, and the refusal goes on to the case error policy (manual review).
     */
    public void sendRefund(@Variable(CASE_ID) String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        RefundInstruction instruction = instruction(caseId);
        MarketplacePort marketplace = marketplaces.of(returnCase.marketplace());
        Optional<RefundAnswer> found = marketplace.alreadyRefunded(returnCase, instruction);
        RefundAnswer answer;
        try {
            answer = found.orElseGet(() -> marketplace.refund(returnCase, instruction));
        } catch (RemoteCallException e) {
            if (!e.isTransient() && !marketplace.answersLater()) {
                transaction.executeWithoutResult(tx -> {
                    refundEvents.publish(caseId, CaseEvent.Type.REFUND_SENT, null);
                    refundEvents.publish(caseId, CaseEvent.Type.REFUND_REJECTED, e.getMessage());
                });
            }
            throw e;
        }
        if (!answer.accepted()) {
            if (returnCase.status() == CaseStatus.REFUND_PENDING) {
                transaction.executeWithoutResult(tx -> {
                    cases.moveTo(caseId, CaseStatus.AWAITING_MARKETPLACE, "Refund of " + instruction.amount() + " "
                            + answer.note());
                    refundEvents.publish(caseId, CaseEvent.Type.REFUND_SENT, answer.note());
                });
            }
            exchange.setVariable(REFUND_QUEUED, true);
            return;
        }
        transaction.executeWithoutResult(tx -> {
            boolean marked = refunds.markSent(caseId, answer.reference(), clock.instant());
            cases.record(caseId, "marketplace " + returnCase.marketplace(), "REFUND",
                    instruction.type() + " refund of " + instruction.amount() + " " + answer.note(), "SENT");
            // a marketplace that answers later told of its answer when it came, unless it was found paid just now
            if (marked && (found.isPresent() || !marketplace.answersLater())) {
                refundEvents.publish(caseId, CaseEvent.Type.REFUND_SENT, null);
                refundEvents.publish(caseId, CaseEvent.Type.REFUND_ACCEPTED, answer.note());
            }
        });
    }

    public void sendReship(@Variable(CASE_ID) String caseId) {
        String reference = backOffice.reship(cases.get(caseId), instruction(caseId).idempotencyKey());
        refunds.markSent(caseId, reference, clock.instant());
        cases.record(caseId, "back office", "RESHIP", "Replacement shipment ordered"
                + (reference == null ? "" : " as " + reference), "SENT");
    }

    /** The last step of a settled case. */
    public void complete(@Variable(CASE_ID) String caseId, Exchange exchange) {
        RefundInstruction instruction = instruction(caseId);
        ReturnCase moved = instruction.kind() == Kind.RESHIP
                ? cases.moveTo(caseId, CaseStatus.RESHIP_REQUESTED, "Replacement ordered; buyer informed")
                : cases.moveTo(caseId, CaseStatus.REFUNDED, instruction.type() + " refund of " + instruction.amount()
                        + " issued; buyer informed");
        exchange.setVariable(STATUS, moved.status().name());
        exchange.setVariable(PHASE, moved.phase().name());
    }

    private static String buyerEmailAfter(RefundInstruction instruction) {
        if (instruction.kind() == Kind.RESHIP) {
            return "RESHIP_ARRANGED";
        }
        return switch (instruction.reason()) {
            case PARCEL_INTERCEPTED -> "PARCEL_INTERCEPTED";
            case PARCEL_LOST -> "PARCEL_LOST";
            default -> "REFUND_ISSUED";
        };
    }

    private RefundInstruction instruction(String caseId) {
        return refunds.findByCase(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no planned refund"));
    }
}

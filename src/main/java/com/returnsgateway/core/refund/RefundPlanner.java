package com.returnsgateway.core.refund;

import static com.returnsgateway.core.RouteVariables.CASE_ID;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.cases.IllegalTransitionException;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.IdempotencyKey;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundInstruction.Kind;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ShipmentState;
import java.time.Clock;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the money (or the reship) once: the instruction and its idempotency key are stored together with the
 * move to REFUND_PENDING, so every later attempt sends the same key.
 */
@Component
public class RefundPlanner {

    private final Cases cases;
    private final RefundRepository refunds;
    private final RefundCalculator calculator;
    private final RefundLedger ledger;
    private final Clock clock;

    public RefundPlanner(Cases cases, RefundRepository refunds, RefundCalculator calculator, RefundLedger ledger,
                         Clock clock) {
        this.cases = cases;
        this.refunds = refunds;
        this.calculator = calculator;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The returned parcel arrived (an operator, the back office or the marketplace says so): the pending refund goes
     * out. A parcel that came back undelivered is refunded in full; a buyer's return as the buyer asked. A refund the
     * ledger refuses leaves the case in manual review (null).
     */
    @Transactional
    public RefundInstruction returnReceived(String caseId, String actor) {
        ReturnCase returnCase = cases.get(caseId);
        if (returnCase.status() != CaseStatus.AWAITING_RETURN && returnCase.status() != CaseStatus.AWAITING_BUYER) {
            throw new IllegalTransitionException(caseId, returnCase.status(), CaseStatus.REFUND_PENDING,
                    "only a case waiting for its parcel can be marked received");
        }
        cases.record(caseId, actor, "RETURN_RECEIVED", "Returned parcel received", null);
        boolean undelivered = returnCase.shipmentState() == ShipmentState.DELIVERY_FAILED
                || returnCase.shipmentState() == ShipmentState.RETURNING_TO_SENDER;
        try {
            return plan(caseId, undelivered ? RefundReason.RETURNED_TO_SENDER : RefundReason.RETURN_RECEIVED);
        } catch (RefundRefusedException e) {
            cases.sendToManualReview(caseId, e.getMessage());
            return null;
        }
    }

    /**
     * An operator refunds part of the order without the item coming back (RETURNLESS), for an amount within what the
     * order's lines can still take ({@link RefundLedger#refundable}); a case that has a refund already gets none.
     */
    @Transactional
    public RefundInstruction partialByOperator(String caseId, Money amount, String actor) {
        ReturnCase returnCase = cases.get(caseId);
        if (!returnCase.status().canMoveTo(CaseStatus.REFUND_PENDING)) {
            throw new IllegalTransitionException(caseId, returnCase.status(), CaseStatus.REFUND_PENDING,
                    "only a waiting case or one in manual review can be refunded by an operator");
        }
        if (refunds.findByCase(caseId).isPresent()) {
            throw new RefundRefusedException("Case " + caseId + " has a refund already: one refund per case");
        }
        Money limit = ledger.refundable(returnCase);
        if (amount.amount().signum() <= 0 || !amount.currency().equals(limit.currency())
                || amount.amount().compareTo(limit.amount()) > 0) {
            throw new RefundRefusedException("A refund of " + amount + " is not possible: between 0 and " + limit
                    + " may still be refunded on order " + returnCase.request().orderId());
        }
        cases.record(caseId, actor, "OPERATOR_REFUND", actor + " refunds " + amount + " without the item coming back",
                null);
        return planAgreed(caseId, RefundReason.RETURNLESS, new RefundCalculator.Amount(RefundType.PARTIAL, amount));
    }

    /** A delivered parcel worth less than the threshold is refunded without asking for it back. */
    public boolean isReturnless(@Variable(CASE_ID) String caseId) {
        return calculator.isReturnless(cases.get(caseId).request());
    }

    /**
     * Stores the refund (booked on the order's lines) or the reship, and moves the case to REFUND_PENDING. A refund
     * that would give an order line back more than was paid is thrown as {@link RefundRefusedException}: nothing is
     * stored, and the case error policy parks the case in manual review and tells operations.
     */
    @Transactional
    public RefundInstruction plan(@Variable(CASE_ID) String caseId, RefundReason reason) {
        return planAgreed(caseId, reason, calculator.amountFor(cases.get(caseId).request(), reason));
    }

    /** As {@link #plan}, for an amount agreed elsewhere: a partial refund the buyer accepted to keep the item. */
    @Transactional
    public RefundInstruction planAgreed(String caseId, RefundReason reason, RefundCalculator.Amount amount) {
        ReturnCase returnCase = cases.get(caseId);
        boolean reship = returnCase.request().resolution() == Resolution.REPLACE;
        if (!reship && refunds.findByCase(caseId).isEmpty()) {
            ledger.book(returnCase, amount.money()).ifPresent(why -> {
                throw new RefundRefusedException(why);
            });
        }
        RefundInstruction instruction = refunds.insertIfAbsent(caseId,
                IdempotencyKey.of(returnCase.marketplace(), returnCase.request().returnId(),
                        reship ? IdempotencyKey.Purpose.RESHIP : IdempotencyKey.Purpose.REFUND),
                reship ? Kind.RESHIP : Kind.REFUND, amount.type(), amount.money(), reason, clock.instant());
        String what = instruction.kind() == Kind.RESHIP
                ? "Replacement to be shipped (" + reason + ")"
                : instruction.type() + " refund of " + instruction.amount() + " planned (" + reason + ")";
        cases.moveTo(caseId, CaseStatus.REFUND_PENDING, what);
        return instruction;
    }
}

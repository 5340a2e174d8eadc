package com.returnsgateway.core.refund;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Tells of a case's refund ({@link CaseEvent} REFUND_SENT, REFUND_ACCEPTED, REFUND_REJECTED) with what the back office
 * needs to book it: the marketplace, the amount and currency, the refund type. Called inside the transaction of the
 * change it tells of, by the settle step and by adapters whose marketplace answers later (Amazon's feeds).
 */
@Component
public class RefundEvents {

    private final Cases cases;
    private final RefundRepository refunds;
    private final Clock clock;

    public RefundEvents(Cases cases, RefundRepository refunds, Clock clock) {
        this.cases = cases;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** @param reason the marketplace's answer or refusal as a person reads it; may be null */
    public void publish(String caseId, CaseEvent.Type type, String reason) {
        ReturnCase returnCase = cases.get(caseId);
        RefundInstruction refund = refunds.findByCase(caseId).orElse(null);
        cases.publish(CaseEvent.of(caseId, type, clock.instant(),
                "marketplace", returnCase.marketplace(),
                "amount", refund == null ? null : refund.amount().amount().toPlainString(),
                "currency", refund == null ? null : refund.amount().currency(),
                "refundType", refund == null ? null : refund.type().name(),
                "reason", reason));
    }
}

package com.returnsgateway.cases;

import com.returnsgateway.model.CaseStatus;
import com.returnsgateway.model.ReturnCase;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/** What the case routes need from a case: load it into variables, and move it along its lifecycle. */
@Component
public class CaseSteps {

    private final Cases cases;

    public CaseSteps(Cases cases) {
        this.cases = cases;
    }

    /** Every step moves a case on; a case still ACTIVE after this many steps in one go is stuck, not busy. */
    static final int MAX_STEPS = 20;

    public void load(@Variable("caseId") String caseId, Exchange exchange) {
        int steps = exchange.getVariable("steps", 0, Integer.class) + 1;
        if (steps > MAX_STEPS) {
            throw new IllegalStateException("case " + caseId + " made no progress after " + MAX_STEPS + " steps");
        }
        exchange.setVariable("steps", steps);
        expose(cases.get(caseId), exchange);
    }

    public void moveTo(@Variable("caseId") String caseId, String target, String message, Exchange exchange) {
        expose(cases.moveTo(caseId, CaseStatus.valueOf(target), message), exchange);
    }

    public void manualReview(@Variable("caseId") String caseId, @Variable("reviewReason") String reason,
                             Exchange exchange) {
        expose(cases.sendToManualReview(caseId, reason), exchange);
    }

    private static void expose(ReturnCase returnCase, Exchange exchange) {
        exchange.setVariable("status", returnCase.status().name());
        exchange.setVariable("phase", returnCase.phase().name());
        exchange.setVariable("resolution", returnCase.request().resolution().name());
        exchange.setVariable("forwarderCode", returnCase.forwarderCode());
        exchange.setVariable("shipmentState",
                returnCase.shipmentState() == null ? null : returnCase.shipmentState().name());
    }
}

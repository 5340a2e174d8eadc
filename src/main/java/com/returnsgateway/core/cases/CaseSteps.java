package com.returnsgateway.core.cases;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.CLAIM_TOKEN;
import static com.returnsgateway.core.RouteVariables.FORWARDER_CODE;
import static com.returnsgateway.core.RouteVariables.PHASE;
import static com.returnsgateway.core.RouteVariables.REVIEW_REASON;
import static com.returnsgateway.core.RouteVariables.SHIPMENT_STATE;
import static com.returnsgateway.core.RouteVariables.STATUS;
import static com.returnsgateway.core.RouteVariables.STEPS;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the case routes need from a case: load it into variables, and move it along its lifecycle. */
@Component
public class CaseSteps {

    private static final Logger log = LoggerFactory.getLogger(CaseSteps.class);

    private final Cases cases;
    private final CaseQueue queue;

    public CaseSteps(Cases cases, CaseQueue queue) {
        this.cases = cases;
        this.queue = queue;
    }

    /** Every step moves a case on; a case still ACTIVE after this many steps in one go is stuck, not busy. */
    static final int MAX_STEPS = 20;

    /** A worker takes up a claimed case: sets {@code caseId} and {@code claimToken}. */
    public void start(Claim claim, Exchange exchange) {
        exchange.setVariable(CASE_ID, claim.caseId());
        exchange.setVariable(CLAIM_TOKEN, claim.token());
    }

    /**
     * Before each step: renews the claim and loads the case. A claim another worker has taken since (this one
     * waited longer than the lease) ends this worker's part: {@code phase} becomes CLAIM_LOST.
     */
    public void load(@Variable(CASE_ID) String caseId, @Variable(CLAIM_TOKEN) String claimToken,
                     Exchange exchange) {
        int steps = exchange.getVariable(STEPS, 0, Integer.class) + 1;
        if (steps > MAX_STEPS) {
            throw new IllegalStateException("case " + caseId + " made no progress after " + MAX_STEPS + " steps");
        }
        exchange.setVariable(STEPS, steps);
        Optional<ReturnCase> current = queue.renewAndLoad(new Claim(caseId, claimToken));
        if (current.isEmpty()) {
            log.warn("Case {}: this worker's claim ran out while it waited; the worker holding it now goes on",
                    caseId);
            exchange.setVariable(PHASE, "CLAIM_LOST");
            return;
        }
        expose(current.get(), exchange);
    }

    /** The worker is done with the case (it waits, is done, or is another worker's now): the claim goes back. */
    public void finish(@Variable(CASE_ID) String caseId, @Variable(CLAIM_TOKEN) String claimToken) {
        queue.release(new Claim(caseId, claimToken));
    }

    public void moveTo(@Variable(CASE_ID) String caseId, String target, String message, Exchange exchange) {
        expose(cases.moveTo(caseId, CaseStatus.valueOf(target), message), exchange);
    }

    public void manualReview(@Variable(CASE_ID) String caseId, @Variable(REVIEW_REASON) String reason,
                             Exchange exchange) {
        expose(cases.sendToManualReview(caseId, reason), exchange);
    }

    /** Sets {@code reviewReason} for a parcel whose forwarder code maps to no ShipmentState. */
    public void explainUnknownState(@Variable(FORWARDER_CODE) String forwarderCode, Exchange exchange) {
        exchange.setVariable(REVIEW_REASON, "Forwarder code '" + forwarderCode
                + "' is not in the forwarder's status profile: a person must decide");
    }

    private static void expose(ReturnCase returnCase, Exchange exchange) {
        exchange.setVariable(STATUS, returnCase.status().name());
        exchange.setVariable(PHASE, returnCase.phase().name());
        exchange.setVariable(FORWARDER_CODE, returnCase.forwarderCode());
        exchange.setVariable(SHIPMENT_STATE,
                returnCase.shipmentState() == null ? null : returnCase.shipmentState().name());
    }
}

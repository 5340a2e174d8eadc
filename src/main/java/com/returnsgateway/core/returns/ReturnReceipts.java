package com.returnsgateway.core.returns;

import com.returnsgateway.core.logging.CaseLogContext;
import com.returnsgateway.core.refund.RefundPlanner;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** A person (an operator in the console, the back office through the API) says the returned parcel arrived. */
@Service
public class ReturnReceipts {

    private final RefundPlanner planner;
    private final ReturnParcels returnParcels;
    private final Clock clock;

    public ReturnReceipts(RefundPlanner planner, ReturnParcels returnParcels, Clock clock) {
        this.planner = planner;
        this.returnParcels = returnParcels;
        this.clock = clock;
    }

    /**
     * The pending refund goes out; the receipt is the return parcel's last moment too (a case without a tracked
     * return parcel changes nothing there).
     */
    public void confirm(String caseId, String actor) {
        try (CaseLogContext.Scope inCase = CaseLogContext.open(caseId)) {
            planner.returnReceived(caseId, actor);
            returnParcels.reached(caseId, RefundMoment.RECEIVED, clock.instant(), null, null, actor);
            returnParcels.refunded(caseId, RefundMoment.RECEIVED);
        }
    }
}

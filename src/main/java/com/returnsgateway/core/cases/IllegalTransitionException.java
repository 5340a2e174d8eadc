package com.returnsgateway.core.cases;

import com.returnsgateway.core.model.CaseStatus;

/** A status change the lifecycle does not allow; never retried. */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String caseId, CaseStatus from, CaseStatus to, String detail) {
        super("case " + caseId + " cannot go from " + from + " to " + to + " (" + detail + ")");
    }
}

package com.returnsgateway.core.cases;

import com.returnsgateway.core.model.CaseStatus;
import java.time.Instant;

/** Published (synchronously, inside the move's transaction) after a case changed status. */
public record CaseMoved(String caseId, CaseStatus from, CaseStatus to, Instant at) {
}

package com.returnsgateway.core.cases;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Phase;

public record CaseFilter(CaseStatus status, Phase phase, String marketplace, String orderId) {
}

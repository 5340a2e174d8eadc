package com.returnsgateway.cases;

import com.returnsgateway.model.CaseStatus;
import com.returnsgateway.model.Phase;

public record CaseFilter(CaseStatus status, Phase phase, String marketplace, String orderId) {
}

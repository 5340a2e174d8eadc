package com.returnsgateway.core.cases;

import com.returnsgateway.core.model.ReturnCase;
import java.util.List;

public record CasePage(List<ReturnCase> cases, int page, int size, long total) {
}

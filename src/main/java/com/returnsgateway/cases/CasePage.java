package com.returnsgateway.cases;

import com.returnsgateway.model.ReturnCase;
import java.util.List;

public record CasePage(List<ReturnCase> cases, int page, int size, long total) {
}

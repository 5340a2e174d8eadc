package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.model.InterceptOutcome;
import java.time.Instant;

/** One answer in a {@code results-*.csv} file. */
public record ResultRow(String requestId, String waybill, InterceptOutcome.Result outcome, String code,
                        String message, Instant answeredAt) {

    public InterceptOutcome toOutcome() {
        return new InterceptOutcome(outcome, code, message);
    }
}

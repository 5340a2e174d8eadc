package com.returnsgateway.adapter.sftp;

import java.time.Instant;

/** One intercept request in an {@code intercepts-*.csv} file; {@code requestId} is the gateway's idempotency key. */
public record InterceptRequestRow(String requestId, String waybill, String reason, Instant requestedAt) {
}

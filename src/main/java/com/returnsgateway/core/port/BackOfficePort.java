package com.returnsgateway.core.port;

import com.returnsgateway.core.model.ReturnCase;

/** The seller's back office: ship a replacement for this return. */
public interface BackOfficePort {

    /** Orders the reship with its stored idempotency key; returns the back office's reference (may be null). */
    String reship(ReturnCase returnCase, String idempotencyKey);
}

package com.returnsgateway.core.refund;

/** A refund the gateway will not make by itself (it would exceed what was paid): the case goes to manual review. */
public class RefundRefusedException extends RuntimeException {

    public RefundRefusedException(String reason) {
        super(reason);
    }
}

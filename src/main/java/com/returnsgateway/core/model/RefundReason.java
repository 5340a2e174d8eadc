package com.returnsgateway.core.model;

/** Why the gateway refunds; also picks the buyer email that follows the refund. */
public enum RefundReason {
    PARCEL_INTERCEPTED,
    PARCEL_LOST,
    ORDER_CANCELLED,
    RETURNLESS,
    RETURN_RECEIVED,
    RETURNED_TO_SENDER
}

package com.returnsgateway.core.model;

/** Where a parcel is, in the gateway's own words; each forwarder profile maps its codes to these. */
public enum ShipmentState {
    AWAITING_DISPATCH,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_FAILED,
    RETURNING_TO_SENDER,
    LOST,
    CANCELLED,
    UNKNOWN
}

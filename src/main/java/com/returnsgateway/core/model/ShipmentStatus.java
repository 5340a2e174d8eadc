package com.returnsgateway.core.model;

import java.time.Instant;

/** A forwarder's answer about a parcel: its own code and what that code means to the gateway. */
public record ShipmentStatus(String forwarder, String waybill, String forwarderCode, ShipmentState state,
                             Instant checkedAt) {
}

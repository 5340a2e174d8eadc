package com.returnsgateway.core.model;

/** Which forwarder carries the parcel, and under which waybill number. */
public record ShipmentRef(String forwarder, String waybill) {
}

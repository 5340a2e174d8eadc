package com.returnsgateway.core.model;

import org.jspecify.annotations.Nullable;

/**
 * Which forwarder carries the parcel, under which waybill number, and, when the forwarder hands it to a last-mile
 * carrier under another number, that number and carrier (both null otherwise).
 */
public record ShipmentRef(String forwarder, String waybill, @Nullable String lastMileNumber,
                          @Nullable String lastMileCarrier) {

    public ShipmentRef(String forwarder, String waybill) {
        this(forwarder, waybill, null, null);
    }

    public boolean hasLastMile() {
        return lastMileNumber != null && !lastMileNumber.isBlank();
    }
}

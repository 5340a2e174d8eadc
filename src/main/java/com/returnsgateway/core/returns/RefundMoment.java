package com.returnsgateway.core.returns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The moments of a return parcel, in the order they happen; a marketplace's refund moment is the first one at which
 * its buyers are refunded ({@code gateway.marketplaces.<code>.refund-moment}). A later moment reached first (a
 * warehouse receipt never scanned on the way) counts as every earlier one too.
 */
public enum RefundMoment {
    /** The carrier scanned the parcel: any tracking status past NotFound / InfoReceived. */
    FIRST_SCAN("first-scan", "first_scan_at"),
    /** Delivered to the return address. */
    DELIVERED("delivered", "delivered_at"),
    /** Received (checked in) at the warehouse: 4PX's returns service, or an operator. */
    RECEIVED("received", "received_at");

    private final String setting;
    private final String column;

    RefundMoment(String setting, String column) {
        this.setting = setting;
        this.column = column;
    }

    /** As written in the settings: first-scan, delivered, received. */
    public String setting() {
        return setting;
    }

    String column() {
        return column;
    }

    public static Optional<RefundMoment> ofSetting(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.setting.equals(wanted)).findFirst();
    }
}

package com.returnsgateway.core.waits;

/** What a waiting case waits for (column {@code return_case.wait_kind}, see V9_1__waits.sql). */
public enum WaitKind {
    /** AWAITING_BUYER: the outbound parcel is on its way; it is asked about again until it arrives or is lost. */
    PARCEL_IN_TRANSIT,
    /** AWAITING_RETURN after a return label: the buyer is to send the item back within the return window. */
    BUYER_RETURN,
    /** AWAITING_RETURN: the parcel failed delivery or is coming back by itself; never closed on the buyer. */
    BACK_TO_SENDER
}

package com.returnsgateway.core.model;

/** What the buyer asked for: money back, or the same item sent again. */
public enum Resolution {
    REFUND,
    REPLACE
}

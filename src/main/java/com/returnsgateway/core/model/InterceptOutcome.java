package com.returnsgateway.core.model;

import org.jspecify.annotations.Nullable;

/** The forwarder's answer to an intercept request. */
public record InterceptOutcome(Result result, @Nullable String code, @Nullable String message) {

    public enum Result {
        ACCEPTED,
        REJECTED
    }

    public boolean accepted() {
        return result == Result.ACCEPTED;
    }
}

package com.returnsgateway.core.model;

/** The forwarder's answer to an intercept request. */
public record InterceptOutcome(Result result, String code, String message) {

    public enum Result {
        ACCEPTED,
        REJECTED
    }

    public boolean accepted() {
        return result == Result.ACCEPTED;
    }
}

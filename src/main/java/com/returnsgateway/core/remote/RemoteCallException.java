package com.returnsgateway.core.remote;

import java.time.Duration;

/** A call to a marketplace, forwarder or back office that did not succeed; says whether trying again can help. */
public class RemoteCallException extends RuntimeException {

    private final boolean transientFailure;
    private final Duration retryAfter;

    protected RemoteCallException(String message, boolean transientFailure, Duration retryAfter) {
        super(message);
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    public static RemoteCallException transientFailure(String message, Duration retryAfter) {
        return new RemoteCallException(message, true, retryAfter);
    }

    public static RemoteCallException permanent(String message) {
        return new RemoteCallException(message, false, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The remote side's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package com.returnsgateway.core.remote;

import java.time.Duration;

/** A call to a marketplace, forwarder or back office that did not succeed; says whether trying again can help. */
public class RemoteCallException extends RuntimeException {

    private final boolean transientFailure;
    private final Duration retryAfter;
    private final String refusedCredentialsOf;

    protected RemoteCallException(String message, boolean transientFailure, Duration retryAfter) {
        this(message, transientFailure, retryAfter, null);
    }

    private RemoteCallException(String message, boolean transientFailure, Duration retryAfter,
                                String refusedCredentialsOf) {
        super(message);
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
        this.refusedCredentialsOf = refusedCredentialsOf;
    }

    /**
     * The remote system refused the account's credentials (a bad signature, app key, token or password): every case
     * of that system would fail the same way until someone fixes the configuration. The case waits and is tried again
     * later without using up its attempts, and operations get one alert for the system, not one per case.
     *
     * @param system the remote system as operations know it ("forwarder 4px"), the key of the single alert
     */
    public static RemoteCallException credentialsRefused(String system, String message) {
        return new RemoteCallException(message, true, null, system);
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

    /** The system whose credentials were refused ({@link #credentialsRefused}), or null. */
    public String refusedCredentialsOf() {
        return refusedCredentialsOf;
    }

    /** The remote side's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

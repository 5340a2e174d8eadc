package com.returnsgateway.sandbox;

/** Thrown by {@link Faults} for the share of API calls that should fail; rendered as 503 with Retry-After. */
public class SimulatedOutageException extends RuntimeException {

    public SimulatedOutageException() {
        super("simulated outage (sandbox.simulators.failure-rate)", null, false, false);
    }
}

package com.returnsgateway.sandbox.yunexpress;

import java.time.Clock;

/** A simulated API's request limit: so many calls in each clock second, the rest refused. Thread-safe. */
final class CallsPerSecond {

    private final int limit;
    private final Clock clock;
    private long second = Long.MIN_VALUE;
    private int taken;

    CallsPerSecond(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("sandbox.yunexpress.calls-per-second must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.clock = clock;
    }

    synchronized boolean take() {
        long now = Math.floorDiv(clock.millis(), 1000);
        if (now != second) {
            second = now;
            taken = 0;
        }
        return ++taken <= limit;
    }
}

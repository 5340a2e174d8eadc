package com.returnsgateway.adapter.seventeentrack;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps calls to 17TRACK at most {@code perSecond} a second, spread evenly: a call waits in place (at most one
 * interval) for its turn. 17TRACK answered 429: the next call waits a whole second.
 */
final class RequestPace {

    private final long intervalNanos;
    private long nextNanos = System.nanoTime();

    RequestPace(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("gateway.tracking.17track.requests-per-second must be at least 1");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    /** Waits for this call's turn. */
    void await() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long turn = Math.max(now, nextNanos);
            nextNanos = turn + intervalNanos;
            wait = turn - now;
        }
        long deadline = System.nanoTime() + wait;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    synchronized void slowDown() {
        nextNanos = Math.max(nextNanos, System.nanoTime() + 1_000_000_000L);
    }
}

package com.returnsgateway.sandbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

import org.springframework.stereotype.Component;

/**
 * The simulated APIs' latency and failure rate. Every marketplace, forwarder and back-office API call
 * goes through {@link #apply()} first; the /sandbox control and inspection endpoints do not. Both settings
 * can be changed at run time ({@code PUT /sandbox/settings}), so one running sandbox serves load and fault
 * tests.
 */
@Component
@SandboxEnabled
public class Faults {

    /** Waits for a duration; the product's latency, replaceable in unit tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);
    }

    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private volatile Duration latency;
    private volatile double failureRate;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong injectedFailures = new AtomicLong();

    @org.springframework.beans.factory.annotation.Autowired
    public Faults(SandboxProperties properties) {
        this(properties.getSimulators().getLatency(), properties.getSimulators().getFailureRate(),
                Faults::park, () -> ThreadLocalRandom.current().nextDouble());
    }

    public Faults(Duration latency, double failureRate, Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = sleeper;
        this.random = random;
        setLatency(latency);
        setFailureRate(failureRate);
    }

    /** Waits the configured latency, then fails the configured share of calls with {@link SimulatedOutageException}. */
    public void apply() {
        calls.incrementAndGet();
        Duration wait = latency;
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        double rate = failureRate;
        if (rate > 0 && random.getAsDouble() < rate) {
            injectedFailures.incrementAndGet();
            throw new SimulatedOutageException();
        }
    }

    public Duration latency() {
        return latency;
    }

    public double failureRate() {
        return failureRate;
    }

    public long calls() {
        return calls.get();
    }

    public long injectedFailures() {
        return injectedFailures.get();
    }

    public void setLatency(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("sandbox.simulators.latency must be zero or positive, was " + latency);
        }
        this.latency = latency;
    }

    public void setFailureRate(double failureRate) {
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("sandbox.simulators.failure-rate must be between 0 and 1, was "
                    + failureRate);
        }
        this.failureRate = failureRate;
    }

    public void resetCounters() {
        calls.set(0);
        injectedFailures.set(0);
    }

    private static void park(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}

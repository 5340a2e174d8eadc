package com.returnsgateway.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The simulated APIs' latency and failure rate. Every marketplace, forwarder and back-office API call
 * goes through {@link #apply()} first; the /sandbox control and inspection endpoints do not. Both settings
 * can be changed at run time ({@code PUT /sandbox/settings}), so one running sandbox serves load and fault
 * tests. Calls are counted per operation (method and path pattern), so a benchmark can tell how many calls of
 * each kind a case costs.
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
    private final Map<String, LongAdder> callsByOperation = new ConcurrentHashMap<>();

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
        callsByOperation.computeIfAbsent(currentOperation(), op -> new LongAdder()).increment();
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

    /** Calls so far per operation, e.g. {@code "POST /sandbox/forwarders/{code}/intercepts"}, sorted. */
    public Map<String, Long> callsByOperation() {
        Map<String, Long> counts = new TreeMap<>();
        callsByOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
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
        callsByOperation.clear();
    }

    /** The method and the controller's path pattern of the request being served ("other" outside a request). */
    private static String currentOperation() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            Object pattern = servlet.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return servlet.getRequest().getMethod() + " "
                    + (pattern != null ? pattern : servlet.getRequest().getRequestURI());
        }
        return "other";
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

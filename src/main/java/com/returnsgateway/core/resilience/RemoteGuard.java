package com.returnsgateway.core.resilience;

import com.returnsgateway.core.config.GatewayProperties.Resilience;
import com.returnsgateway.core.config.GatewayProperties.Resilience.Knobs;
import com.returnsgateway.core.remote.RemoteCallException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker and one rate limiter per remote system (each marketplace, each forwarder, the back office, the
 * SMTP server). A call the breaker or the limiter refuses fails at once with a transient {@link RemoteCallException}
 * whose Retry-After is the time until the system may be tried again, so the case error policy schedules the next
 * attempt then instead of hammering a system that is down.
 */
public class RemoteGuard {

    private static final Logger log = LoggerFactory.getLogger(RemoteGuard.class);
    private static final Duration LIMIT_PERIOD = Duration.ofSeconds(1);

    /** A call let through; {@link #done} must be called once it has finished. */
    public final class Permit {
        private final Guarded guarded;
        private final long startNanos = System.nanoTime();

        private Permit(Guarded guarded) {
            this.guarded = guarded;
        }

        /** The call's outcome: {@code failure} null for a success, else what went wrong (counts towards opening). */
        public void done(Throwable failure) {
            long nanos = System.nanoTime() - startNanos;
            if (failure == null) {
                guarded.breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            } else {
                guarded.breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
            }
        }
    }

    private record Guarded(RemoteSystem system, CircuitBreaker breaker, RateLimiter limiter, Duration waitInOpenState,
                           Map<String, Long> openedAtNanos, Counter refusedOpen, Counter refusedRate) {
    }

    private final Resilience properties;
    private final MeterRegistry meters;
    private final Map<RemoteSystem, Guarded> guards = new ConcurrentHashMap<>();

    public RemoteGuard(Resilience properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Asks to call {@code system} now. Throws a transient {@link RemoteCallException} when its breaker is open (or
     * half-open with its trial calls taken) or its rate limit is used up; returns the permit to report the outcome on.
     */
    public Permit acquire(RemoteSystem system) {
        Guarded guarded = guard(system);
        if (!properties.enabled()) {
            return new Permit(guarded);
        }
        CircuitBreaker breaker = guarded.breaker;
        if (!breaker.tryAcquirePermission()) {
            guarded.refusedOpen.increment();
            Duration wait = remainingOpen(guarded);
            throw RemoteCallException.transientFailure("circuit open for " + system + " ("
                    + Math.round(breaker.getMetrics().getFailureRate()) + " % of its recent calls failed); calls resume in "
                    + Math.max(1, wait.toSeconds()) + " s", wait.isZero() ? null : wait);
        }
        if (!guarded.limiter.acquirePermission()) {
            breaker.releasePermission();
            guarded.refusedRate.increment();
            throw RemoteCallException.transientFailure("rate limit reached for " + system + " ("
                    + guarded.limiter.getRateLimiterConfig().getLimitForPeriod() + " calls per second)", LIMIT_PERIOD);
        }
        return new Permit(guarded);
    }

    /** The breaker's state, for the health of a system and for tests. */
    public CircuitBreaker.State state(RemoteSystem system) {
        return guard(system).breaker.getState();
    }

    /** The systems with a breaker so far (every configured one from the start, a tracking service once called). */
    public List<RemoteSystem> systems() {
        return guards.keySet().stream().sorted(Comparator.comparing(RemoteSystem::id)).toList();
    }

    /** How long an open breaker still refuses calls to the system; zero when it is not open. */
    public Duration untilNextTry(RemoteSystem system) {
        return remainingOpen(guard(system));
    }

    /** The share of failed calls among the system's recent calls, in percent; negative until enough calls were made. */
    public float failureRate(RemoteSystem system) {
        return guard(system).breaker.getMetrics().getFailureRate();
    }

    /** Forgets every breaker's recent calls and closes it: the outage is known to be over (a test's, an operator's). */
    public void resetAll() {
        guards.values().forEach(guarded -> guarded.breaker.reset());
    }

    /** Creates the breaker and limiter of a system up front, so its metrics show before its first call. */
    public void register(RemoteSystem system) {
        guard(system);
    }

    private Duration remainingOpen(Guarded guarded) {
        if (guarded.breaker.getState() != CircuitBreaker.State.OPEN) {
            return Duration.ZERO; // half-open with its trial calls under way: the normal backoff will do
        }
        Long openedAt = guarded.openedAtNanos.get("open");
        if (openedAt == null) {
            return guarded.waitInOpenState;
        }
        Duration left = guarded.waitInOpenState.minusNanos(System.nanoTime() - openedAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The knobs in force for one system: its own block under {@code gateway.resilience}, over the defaults. */
    static Knobs knobsFor(Resilience resilience, RemoteSystem system) {
        return resilience.knobs(switch (system.kind()) {
            case MARKETPLACE -> resilience.marketplaces().get(system.code());
            case FORWARDER -> resilience.forwarders().get(system.code());
            case TRACKING -> null; // the defaults; the adapter paces its own calls to the service's published rate
            case BACK_OFFICE -> resilience.backOffice();
            case SMTP -> resilience.smtp();
        });
    }

    private Guarded guard(RemoteSystem system) {
        return guards.computeIfAbsent(system, this::create);
    }

    private Guarded create(RemoteSystem system) {
        Knobs knobs = knobsFor(properties, system);
        CircuitBreaker breaker = CircuitBreaker.of(system.id(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(knobs.failureRateThreshold())
                .slidingWindowSize(knobs.slidingWindowSize())
                .minimumNumberOfCalls(knobs.minimumNumberOfCalls())
                .waitDurationInOpenState(knobs.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(knobs.permittedCallsInHalfOpenState())
                .build());
        RateLimiter limiter = RateLimiter.of(system.id(), RateLimiterConfig.custom()
                .limitForPeriod(knobs.permitsPerSecond())
                .limitRefreshPeriod(LIMIT_PERIOD)
                .timeoutDuration(Duration.ZERO)
                .build());
        Map<String, Long> openedAt = new ConcurrentHashMap<>();
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openedAt.put("open", System.nanoTime());
                log.warn("Circuit open for {}: calls refused for {} ({})", system, knobs.waitInOpenState(),
                        event.getStateTransition());
            } else {
                log.info("Circuit for {}: {}", system, event.getStateTransition());
            }
        });
        Gauge.builder("gateway.remote.circuit.state", breaker, RemoteGuard::stateValue)
                .description("circuit breaker state: 0 closed, 1 open, 2 half-open, 3 other")
                .tag("system", system.id())
                .register(meters);
        Counter open = Counter.builder("gateway.remote.calls.refused").tag("system", system.id())
                .tag("reason", "circuit-open").register(meters);
        Counter rate = Counter.builder("gateway.remote.calls.refused").tag("system", system.id())
                .tag("reason", "rate-limited").register(meters);
        return new Guarded(system, breaker, limiter, knobs.waitInOpenState(), openedAt, open, rate);
    }

    private static double stateValue(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        };
    }
}

package com.returnsgateway.core.health;

import com.returnsgateway.core.resilience.RemoteGuard;
import com.returnsgateway.core.resilience.RemoteSystem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health of each remote system the gateway depends on, as the {@code remoteSystems} component of
 * {@code /actuator/health} (one entry per system, named as its breaker: {@code marketplace-<code>},
 * {@code forwarder-<code>}, {@code tracking-<code>}, {@code back-office}, {@code smtp}, and {@code imap}).
 *
 * <p>A system called over HTTP or SMTP is as its circuit breaker says: closed is UP, half-open is UP while a few trial
 * calls decide, open is DOWN with the time until calls are tried again. A system that is polled (the IMAP inbox, an
 * SFTP forwarder's folder) is DOWN while its last poll failed. A DOWN system makes the overall health DOWN, which an
 * operator's monitor should see; the liveness and readiness groups leave these out, so an outage of a forwarder
 * never gets the gateway restarted or taken out of its load balancer (config/application.yaml).
 */
@Component("remoteSystems")
public class RemoteSystemsHealth implements CompositeHealthContributor {

    private final RemoteGuard guard;
    private final PollWatches polls;
    private final Clock clock;

    public RemoteSystemsHealth(RemoteGuard guard, PollWatches polls, Clock clock) {
        this.guard = guard;
        this.polls = polls;
        this.clock = clock;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return entries().filter(entry -> entry.name().equals(name)).map(Entry::contributor).findFirst().orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return entries();
    }

    private Stream<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        List<RemoteSystem> systems = guard.systems();
        systems.forEach(system -> entries.add(new Entry(system.id(), (HealthIndicator) () -> health(system))));
        Set<String> guarded = systems.stream().map(RemoteSystem::id).collect(Collectors.toSet());
        polls.all().stream()
                .filter(watch -> !guarded.contains(watch.system()) && watch.polled())
                .sorted((a, b) -> a.system().compareTo(b.system()))
                .forEach(watch -> entries.add(new Entry(watch.system(), (HealthIndicator) () -> polled(watch))));
        return entries.stream();
    }

    /** The breaker's word, and for a polled system (an SFTP forwarder) its last poll's too. */
    Health health(RemoteSystem system) {
        Health.Builder health = breaker(system);
        polls.polled(system.id()).ifPresent(watch -> withPolls(health, watch));
        return health.build();
    }

    private Health.Builder breaker(RemoteSystem system) {
        CircuitBreaker.State state = guard.state(system);
        Health.Builder health = switch (state) {
            case CLOSED -> Health.up();
            case HALF_OPEN -> Health.up().withDetail("note", "recovering: a few trial calls decide whether it is back");
            case OPEN, FORCED_OPEN -> {
                Duration wait = guard.untilNextTry(system);
                yield Health.down()
                        .withDetail("note", "calls refused: too many of the recent ones failed")
                        .withDetail("nextTryIn", Math.max(1, wait.toSeconds()) + " s")
                        .withDetail("nextTryAt", clock.instant().plus(wait).toString());
            }
            default -> Health.unknown();
        };
        health.withDetail("system", system.toString()).withDetail("circuit", state.name());
        float failureRate = guard.failureRate(system);
        if (failureRate >= 0) {
            health.withDetail("failedCallsPercent", Math.round(failureRate));
        }
        return health;
    }

    private Health polled(PollWatch watch) {
        Health.Builder health = Health.up().withDetail("system", watch.system());
        withPolls(health, watch);
        return health.build();
    }

    private static void withPolls(Health.Builder health, PollWatch watch) {
        PollWatch.Outcome outcome = watch.outcome();
        if (outcome.failing()) {
            health.down().withDetail("lastError", outcome.lastError());
        }
        if (outcome.lastSuccess() != null) {
            health.withDetail("lastSuccessfulPoll", outcome.lastSuccess().toString());
        }
        if (outcome.lastFailure() != null) {
            health.withDetail("lastFailedPoll", outcome.lastFailure().toString());
        }
    }
}

package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.adapter.seventeentrack.SeventeenTrackClient.Number;
import com.returnsgateway.adapter.seventeentrack.SeventeenTrackClient.Outcome;
import com.returnsgateway.adapter.seventeentrack.SeventeenTrackClient.Rejection;
import com.returnsgateway.adapter.seventeentrack.TrackedNumbers.State;
import com.returnsgateway.adapter.seventeentrack.TrackedNumbers.Tracked;
import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The tracking route's steps (routes/tracking.camel.yaml): register the numbers waiting for it, then refresh the
 * registered ones whose status is older than the poll interval, 40 numbers a call. A refused key or a 429 ends the
 * tick (the next one tries again); a used-up quota leaves the numbers waiting (QUOTA_EXHAUSTED, with the reason in
 * their error) and pauses registration. Each of these is logged once, not at every tick.
 */
@Component
public class SeventeenTrackSync {

    private static final Logger log = LoggerFactory.getLogger(SeventeenTrackSync.class);

    private final SeventeenTrack tracking;
    private final Clock clock;
    private final AtomicReference<String> keyRefusal = new AtomicReference<>();
    private final AtomicReference<Instant> quotaPausedUntil = new AtomicReference<>();

    public SeventeenTrackSync(SeventeenTrack tracking, Clock clock) {
        this.tracking = tracking;
        this.clock = clock;
    }

    /** Registers waiting numbers; false when the tick must end here (refused key, 429). */
    public boolean register() {
        if (!tracking.selected()) {
            return false;
        }
        Instant pausedUntil = quotaPausedUntil.get();
        if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
            return true; // the quota is used up: refreshing costs none, so that goes on
        }
        TrackedNumbers numbers = tracking.numbers();
        for (int batch = 0; batch < tracking.settings().maxBatchesPerTick(); batch++) {
            List<Tracked> waiting = numbers.toRegister(SeventeenTrackSettings.MAX_BATCH);
            if (waiting.isEmpty()) {
                return true;
            }
            Optional<Outcome> outcome = send(() -> tracking.client().register(numbers(waiting)));
            if (outcome.isEmpty()) {
                return false;
            }
            boolean stop = applyRegistration(waiting, outcome.get());
            if (stop || waiting.size() < SeventeenTrackSettings.MAX_BATCH) {
                return true;
            }
        }
        return true;
    }

    /** Refreshes registered numbers whose status is older than the poll interval. */
    public void refresh() {
        if (!tracking.selected()) {
            return;
        }
        Instant before = clock.instant().minus(tracking.settings().pollInterval());
        for (int batch = 0; batch < tracking.settings().maxBatchesPerTick(); batch++) {
            List<Tracked> due = tracking.numbers().toRefresh(before, SeventeenTrackSettings.MAX_BATCH);
            if (due.isEmpty()) {
                return;
            }
            Optional<Outcome> outcome = send(() -> tracking.client().trackInfo(numbers(due)));
            if (outcome.isEmpty()) {
                return;
            }
            applyTrackInfo(due, outcome.get());
            if (due.size() < SeventeenTrackSettings.MAX_BATCH) {
                return;
            }
        }
    }

    /**
     * Returns whether registering stops for this tick: 17TRACK said the quota is used up, or it answered about none of
     * the numbers sent (they would only be sent again).
     */
    private boolean applyRegistration(List<Tracked> sent, Outcome outcome) {
        TrackedNumbers numbers = tracking.numbers();
        Set<String> registered = new HashSet<>();
        outcome.accepted().forEach(entry -> registered.add(entry.path("number").asString("")));
        List<String> quota = new ArrayList<>();
        String quotaReason = null;
        for (Rejection rejection : outcome.rejected()) {
            if (rejection.code() == SeventeenTrackClient.ALREADY_REGISTERED) {
                registered.add(rejection.number());
            } else if (rejection.quota()) {
                quota.add(rejection.number());
                quotaReason = rejection.code() + " " + rejection.message();
            } else {
                numbers.mark(List.of(rejection.number()), State.REJECTED, "17TRACK refused to register it: "
                        + rejection.code() + " " + rejection.message());
            }
        }
        registered.retainAll(sent.stream().map(Tracked::number).toList());
        numbers.mark(registered, State.REGISTERED, null);
        if (!registered.isEmpty()) {
            quotaPausedUntil.set(null);
        }
        if (quota.isEmpty()) {
            return registered.isEmpty() && outcome.rejected().isEmpty();
        }
        Instant until = clock.instant().plus(tracking.settings().quotaPause());
        String error = "17TRACK's daily limit or quota is used up (" + quotaReason + "); registration is tried again "
                + "after " + until;
        // the rest of the batch was not registered either: it all waits for the quota
        List<String> waiting = sent.stream().map(Tracked::number)
                .filter(n -> !registered.contains(n))
                .filter(n -> quota.contains(n) || outcome.rejected().stream().noneMatch(r -> r.number().equals(n)))
                .toList();
        numbers.mark(waiting, State.QUOTA_EXHAUSTED, error);
        if (quotaPausedUntil.getAndSet(until) == null) {
            log.warn("{}: {} numbers wait for it; the account's quota needs topping up if this lasts", error,
                    waiting.size());
        }
        return true;
    }

    private void applyTrackInfo(List<Tracked> sent, Outcome outcome) {
        TrackedNumbers numbers = tracking.numbers();
        Set<String> answered = new HashSet<>();
        Instant now = clock.instant();
        for (JsonNode entry : outcome.accepted()) {
            String number = entry.path("number").asString("");
            answered.add(number);
            Optional<TrackingStatus> status = TrackInfo.status(entry.path("track_info"), now);
            if (status.isPresent()) {
                numbers.status(number, status.get());
            } else {
                numbers.refreshed(number, null);
            }
        }
        for (Rejection rejection : outcome.rejected()) {
            answered.add(rejection.number());
            if (rejection.code() == SeventeenTrackClient.NOT_REGISTERED) {
                numbers.mark(List.of(rejection.number()), State.PENDING,
                        "17TRACK no longer follows it (" + rejection.code() + "): registered again");
            } else {
                numbers.refreshed(rejection.number(), "17TRACK gave no status: " + rejection.code() + " "
                        + rejection.message());
            }
        }
        // a number the answer left out is asked about again at the next poll interval, not at every tick
        sent.stream().map(Tracked::number).filter(n -> !answered.contains(n))
                .forEach(n -> numbers.refreshed(n, null));
    }

    /** The call's outcome, or empty when the tick must end: a refused key (logged once) or a 429. */
    private Optional<Outcome> send(Supplier<Outcome> call) {
        try {
            Outcome outcome = call.get();
            if (keyRefusal.getAndSet(null) != null) {
                log.info("17TRACK accepts the API key again");
            }
            return Optional.of(outcome);
        } catch (RemoteCallException e) {
            if (e.refusedCredentialsOf() == null) {
                throw e;
            }
            if (!e.getMessage().equals(keyRefusal.getAndSet(e.getMessage()))) {
                log.error("{}; tracking stays where it is until then", e.getMessage());
            }
            return Optional.empty();
        } catch (SeventeenTrackClient.Throttled e) {
            log.debug("{}; the next tick goes on", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Number> numbers(List<Tracked> tracked) {
        return tracked.stream().map(t -> new Number(t.number(), t.carrier())).toList();
    }
}

package com.returnsgateway.sandbox;

import com.returnsgateway.sandbox.seventeentrack.SeventeenTrackSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Parcels in transit at the simulated forwarders, and 17TRACK simulator numbers, move along one tracking step per
 * {@code sandbox.simulators.pace} (1m by default; {@code 0} or {@code off} stops them; {@code PUT /sandbox/settings
 * {"pace": "30s"}} changes it). A parcel at the last step of its forwarder's sequence, or at a code outside it (at the
 * forwarder, held, refused, lost), stays where it is. A step is a normal status change: the SFTP forwarder publishes
 * it in a status file, the 17TRACK simulator pushes it to the webhook.
 */
@Component
@SandboxEnabled
public class SandboxPace implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxPace.class);
    /** How often parcels due to move are looked for; the pace itself can be far longer. */
    private static final Duration TICK = Duration.ofSeconds(1);

    /** Each forwarder's codes of a parcel on its way, in the order a parcel passes them. */
    static final Map<String, List<String>> FORWARDER_STEPS = Map.of(
            "4px", List.of("C", "FPX_D_SD", "F"),
            "generic-express", List.of("InTransit", "OutForDelivery", "Delivered"),
            "yanwen", List.of("PU10", "LM25", "LM40"),
            "yunexpress", List.of("2", "3"),
            "yunexpress-open", List.of("T", "D"),
            "sftp-cargo", List.of("SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED"));
    /** 17TRACK's main statuses of a parcel on its way, with the sub-status each step is given. */
    static final List<String> TRACKING_STEPS = List.of("InTransit", "OutForDelivery", "Delivered");

    private final ForwarderSimulator forwarders;
    private final ObjectProvider<SeventeenTrackSimulator> tracking;
    private final Clock clock;
    private volatile Duration pace;
    private volatile ScheduledExecutorService scheduler;

    @Autowired
    public SandboxPace(ForwarderSimulator forwarders, ObjectProvider<SeventeenTrackSimulator> tracking,
                       @Value("${sandbox.simulators.pace:1m}") String pace) {
        this(forwarders, tracking, Clock.systemUTC(), parse(pace));
    }

    SandboxPace(ForwarderSimulator forwarders, ObjectProvider<SeventeenTrackSimulator> tracking, Clock clock,
                Duration pace) {
        this.forwarders = forwarders;
        this.tracking = tracking;
        this.clock = clock;
        this.pace = pace;
    }

    /** {@code 0}, {@code off} or blank: null (stopped); otherwise a duration ({@code 30s}, {@code PT1M}). */
    public static Duration parse(String pace) {
        String text = pace == null ? "" : pace.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("off")) {
            return null;
        }
        Duration parsed = DurationStyle.detectAndParse(text);
        if (parsed.isNegative()) {
            throw new IllegalArgumentException("a pace must not be negative: " + pace);
        }
        return parsed.isZero() ? null : parsed;
    }

    /** The pace, or empty when parcels only move by hand. */
    public Optional<Duration> pace() {
        return Optional.ofNullable(pace);
    }

    public void setPace(Duration pace) {
        this.pace = pace == null || pace.isZero() ? null : pace;
        log.info("Sandbox pace: {}", this.pace == null ? "off, parcels move by hand" : "one step per " + this.pace);
    }

    /** Moves every parcel and number that has been at its step for the pace or longer one step on. */
    public int tick() {
        Duration current = pace;
        if (current == null) {
            return 0;
        }
        var now = clock.instant();
        int moved = 0;
        for (String code : forwarders.codes()) {
            List<String> steps = FORWARDER_STEPS.get(code);
            if (steps == null) {
                continue;
            }
            for (ForwarderSimulator.Parcel parcel : forwarders.parcels(code)) {
                Optional<String> next = next(steps, parcel.status());
                if (next.isPresent() && !parcel.held() && !parcel.updatedAt().plus(current).isAfter(now)) {
                    forwarders.put(code, parcel.waybill(), next.get(), false, false);
                    moved++;
                }
            }
        }
        SeventeenTrackSimulator simulator = tracking.getIfAvailable();
        if (simulator != null) {
            for (SeventeenTrackSimulator.Tracked number : simulator.numbers()) {
                Optional<String> next = next(TRACKING_STEPS, number.status());
                if (next.isPresent() && number.registered() && !number.updatedAt().plus(current).isAfter(now)) {
                    simulator.setStatus(number.number(), next.get(), next.get() + "_Other");
                    moved++;
                }
            }
        }
        return moved;
    }

    static Optional<String> next(List<String> steps, String status) {
        int at = steps.indexOf(status);
        return at < 0 || at == steps.size() - 1 ? Optional.empty() : Optional.of(steps.get(at + 1));
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-pace");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("Sandbox pace: moving parcels along failed, tried again at the next tick: {}", e.toString());
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

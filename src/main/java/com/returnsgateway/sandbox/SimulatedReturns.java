package com.returnsgateway.sandbox;

import com.returnsgateway.sandbox.seventeentrack.SeventeenTrackSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sandbox buyers who send their returns back: one pace after the gateway emails a buyer a return label, the buyer
 * hands the parcel to USPS (the 17TRACK simulator knows its number, in transit) and replies to the label email with
 * the tracking number, which the gateway reads over IMAP. From there the sandbox pace moves the return along and each
 * marketplace's refund moment refunds it, without anybody calling an API. Off with {@code sandbox.buyers.send-returns:
 * false}, and whenever the pace is off (parcels then move by hand only).
 */
@Component
@SandboxEnabled
public class SimulatedReturns implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedReturns.class);
    /** The gateway's label emails: {@code <caseId.return_label@domain>}. */
    private static final Pattern LABEL_MESSAGE = Pattern.compile("^<(RC-[A-Za-z0-9]+)\\.return_label@");
    private static final int USPS = 21051;

    private final SandboxMailServer mail;
    private final BuyerReplyController replies;
    private final SandboxPace pace;
    private final ObjectProvider<SeventeenTrackSimulator> tracking;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();
    /** Label emails seen, by case: when each was seen; a case is shipped once. */
    private final Map<String, Instant> labels = new ConcurrentHashMap<>();
    private final Map<String, String> shipped = new ConcurrentHashMap<>();
    private volatile int mailsSeen;
    private volatile ScheduledExecutorService scheduler;

    public SimulatedReturns(SandboxMailServer mail, BuyerReplyController replies, SandboxPace pace,
                            ObjectProvider<SeventeenTrackSimulator> tracking,
                            @Value("${sandbox.buyers.send-returns:true}") boolean enabled) {
        this.mail = mail;
        this.replies = replies;
        this.pace = pace;
        this.tracking = tracking;
        this.enabled = enabled;
    }

    /** The return tracking number a buyer used, by case id. */
    public Map<String, String> shipped() {
        return Map.copyOf(shipped);
    }

    /** Notes new label emails, and ships the returns whose label came a pace ago. */
    void tick() {
        var mails = mail.mails();
        for (int i = mailsSeen; i < mails.size(); i++) {
            String messageId = mails.get(i).messageId();
            Matcher label = messageId == null ? null : LABEL_MESSAGE.matcher(messageId);
            if (label != null && label.find()) {
                labels.putIfAbsent(label.group(1), clock.instant());
            }
        }
        mailsSeen = mails.size();
        Optional<Duration> current = pace.pace();
        SeventeenTrackSimulator simulator = tracking.getIfAvailable();
        if (current.isEmpty() || simulator == null) {
            return;
        }
        labels.forEach((caseId, seen) -> {
            if (!shipped.containsKey(caseId) && !seen.plus(current.get()).isAfter(clock.instant())) {
                ship(caseId, simulator);
            }
        });
    }

    private void ship(String caseId, SeventeenTrackSimulator simulator) {
        String number = trackingNumber(caseId);
        shipped.put(caseId, number);
        simulator.seed(number, USPS, "InTransit", "InTransit_PickedUp");
        ObjectNode reply = Json.object();
        reply.put("caseId", caseId);
        reply.put("text", "Hello, I sent the item back today with USPS. The tracking number is " + number
                + ". Thank you!");
        try {
            replies.reply(reply);
            log.info("Sandbox buyer of case {} sent the return back as USPS {}", caseId, number);
        } catch (RuntimeException e) {
            log.warn("Sandbox buyer of case {} could not reply: {}", caseId, e.getMessage());
        }
    }

    /** A USPS-like 22-digit number, the same for a case every time. */
    static String trackingNumber(String caseId) {
        long hash = Integer.toUnsignedLong(caseId.hashCode()) * 1_000_003L + caseId.length();
        return "9400" + String.format("%018d", Long.remainderUnsigned(hash, 1_000_000_000_000_000_000L / 1000));
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-buyers");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("Sandbox buyers: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
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

package com.returnsgateway.core.webhooks;

import static com.returnsgateway.core.RouteVariables.ALERT_DETAILS;
import static com.returnsgateway.core.RouteVariables.ALERT_KEY;
import static com.returnsgateway.core.RouteVariables.ALERT_SOURCE;
import static com.returnsgateway.core.RouteVariables.ALERT_TITLE;

import com.returnsgateway.core.mail.OperationsAlerts;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.Due;
import com.returnsgateway.core.webhooks.WebhookSender.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The webhooks-sweep timer's work (routes/webhooks.camel.yaml): claims due deliveries, posts each signed for its
 * attempt, and records how it went. 2xx: DELIVERED. Anything else (another status, no answer, a timeout): tried again
 * after {@code first-retry}, doubling up to {@code max-retry-delay} (or the endpoint's Retry-After on 429 and 503),
 * until {@code give-up-after}: then FAILED, kept for replay, and operations get one alert per endpoint.
 */
@Component
public class WebhookSweep implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookSweep.class);
    /** Claims per tick: after a round that delivered, a case's next event may be due at once. */
    private static final int MAX_ROUNDS = 20;
    /** Retries of deliveries that failed together are spread over this share of their wait. */
    private static final double JITTER = 0.1;

    /** An endpoint whose deliveries were given up on in this sweep, and operations are due an alert about it. */
    public record GiveUp(String endpoint, String url, int deliveries, String lastError) {
    }

    private final WebhookSettings settings;
    private final WebhookDeliveryStore store;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final OperationsAlerts alerts;
    private final Clock clock;
    /** Posts up to {@code gateway.webhooks.concurrency} deliveries at once. */
    private final ExecutorService senders;

    public WebhookSweep(WebhookSettings settings, WebhookDeliveryStore store, WebhookSender sender,
                        WebhookMetrics metrics, OperationsAlerts alerts, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.sender = sender;
        this.metrics = metrics;
        this.alerts = alerts;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    /** Posts what is due; returns the endpoints operations must hear about (the route alerts them). */
    public List<GiveUp> sweep() {
        Map<String, WebhookSettings.Endpoint> active = settings.active();
        if (active.isEmpty()) {
            return List.of();
        }
        Map<String, GiveUp> givenUp = Collections.synchronizedMap(new LinkedHashMap<>());
        // an endpoint that failed for lack of an answer, a 5xx or a 429 is not called again in this sweep
        Set<String> inTrouble = ConcurrentHashMap.newKeySet();
        Duration lease = settings.timeout().multipliedBy(settings.batch() + 1L);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String token = UUID.randomUUID().toString();
            Set<String> endpoints = new HashSet<>(active.keySet());
            endpoints.removeAll(inTrouble);
            List<Due> due = store.claim(endpoints, token, clock.instant(), lease, settings.batch());
            if (due.isEmpty() || post(due, token, active, inTrouble, givenUp) == 0) {
                break;
            }
        }
        metrics.pending(store.pendingByEndpoint());
        List<GiveUp> due = new ArrayList<>();
        List.copyOf(givenUp.values()).forEach(giveUp -> {
            if (alerts.due(alertKey(giveUp.endpoint()), title(giveUp))) {
                due.add(giveUp);
            }
        });
        return due;
    }

    /** Sets the alert* variables of the {@code operations-alert} route for one endpoint given up on. */
    public void alert(@Body GiveUp giveUp, Exchange exchange) {
        exchange.setVariable(ALERT_SOURCE, "webhooks " + giveUp.endpoint());
        exchange.setVariable(ALERT_TITLE, title(giveUp));
        exchange.setVariable(ALERT_DETAILS, giveUp.deliveries() + " webhook delivery(ies) to endpoint "
                + giveUp.endpoint() + " (" + giveUp.url() + ") failed for " + settings.giveUpAfter()
                + " and were given up on; the last attempt: " + giveUp.lastError() + ". The back office has not heard"
                + " of these case events. They stay FAILED in the delivery log: once the back office is reachable,"
                + " replay them from the console or with POST /api/webhooks/endpoints/" + giveUp.endpoint()
                + "/replay-failed. This alert is not repeated for each delivery.");
        exchange.setVariable(ALERT_KEY, alertKey(giveUp.endpoint()));
    }

    /**
     * Posts the claimed deliveries, several at once; returns how many were delivered. Each is the earliest pending
     * delivery of its case to its endpoint ({@link WebhookDeliveryStore#claim}), so a case's events stay in order.
     */
    private int post(List<Due> due, String token, Map<String, WebhookSettings.Endpoint> active,
                     Set<String> inTrouble, Map<String, GiveUp> givenUp) {
        List<CompletableFuture<Boolean>> posts = due.stream()
                .map(delivery -> CompletableFuture.supplyAsync(
                        () -> postOne(delivery, token, active, inTrouble, givenUp), senders))
                .toList();
        return (int) posts.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
    }

    /** Posts one delivery and records how it went; true when it was delivered. */
    private boolean postOne(Due delivery, String token, Map<String, WebhookSettings.Endpoint> active,
                            Set<String> inTrouble, Map<String, GiveUp> givenUp) {
        String name = delivery.endpoint();
        WebhookSettings.Endpoint endpoint = active.get(name);
        if (inTrouble.contains(name)) {
            // its endpoint just failed: not hammered again in this sweep, and no attempt is counted
            store.release(delivery, token);
            return false;
        }
        Instant at = clock.instant();
        Attempt attempt = sender.send(name, endpoint, delivery.eventId(), delivery.body(), at);
        Instant now = clock.instant();
        if (attempt.delivered()) {
            if (store.delivered(delivery, token, attempt.status(), now)) {
                metrics.count(name, WebhookMetrics.Outcome.DELIVERED);
                return true;
            }
            return false;
        }
        if (attempt.endpointInTrouble()) {
            inTrouble.add(name);
        }
        int attempts = delivery.attempts() + 1;
        String outcome = attempt.status() != null ? "HTTP " + attempt.status() : attempt.error();
        if (!now.isBefore(delivery.retryingSince().plus(settings.giveUpAfter()))) {
            if (store.failed(delivery, token, attempt.status(), attempt.error(), now)) {
                metrics.count(name, WebhookMetrics.Outcome.FAILED);
                log.warn("Webhook {} to endpoint {}: attempt {} failed ({}); given up after {}, FAILED until"
                        + " replayed", delivery.eventId(), name, attempts, outcome, settings.giveUpAfter());
                givenUp.merge(name, new GiveUp(name, shown(endpoint.url()), 1, attempt.error()),
                        (earlier, latest) -> new GiveUp(name, latest.url(), earlier.deliveries() + 1,
                                latest.lastError()));
            }
            return false;
        }
        Instant next = now.plus(nextDelay(attempts, attempt));
        if (store.retry(delivery, token, attempt.status(), attempt.error(), now, next)) {
            metrics.count(name, WebhookMetrics.Outcome.RETRY);
            log.warn("Webhook {} to endpoint {}: attempt {} failed ({}); next attempt at {}", delivery.eventId(),
                    name, attempts, outcome, next);
        }
        return false;
    }

    /** The endpoint's Retry-After (at least a second), else the backoff with a little jitter. */
    private Duration nextDelay(int failedAttempts, Attempt attempt) {
        if (attempt.retryAfter() != null) {
            return attempt.retryAfter().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : attempt.retryAfter();
        }
        Duration delay = settings.retryDelay(failedAttempts);
        long jitterMillis = (long) (delay.toMillis() * JITTER * ThreadLocalRandom.current().nextDouble());
        return delay.plusMillis(jitterMillis);
    }

    private static String alertKey(String endpoint) {
        return "webhooks-failed:" + endpoint;
    }

    private static String title(GiveUp giveUp) {
        return "Webhooks to " + giveUp.endpoint() + " are failing: deliveries given up on";
    }

    /** A URL as an alert may show it: without its query, which may carry a token. */
    private static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url.strip() : url.substring(0, query).strip() + "?…";
    }
}

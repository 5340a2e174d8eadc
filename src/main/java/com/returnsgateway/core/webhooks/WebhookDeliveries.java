package com.returnsgateway.core.webhooks;

import com.returnsgateway.core.webhooks.WebhookDeliveryStore.DeliveryDetail;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.DeliveryPage;
import com.returnsgateway.core.webhooks.WebhookDeliveryStore.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The webhooks' delivery log for the console and the API: deliveries newest first, one with its body, the endpoints
 * with their counts, and replay of one delivery or of every failed one of an endpoint (due again now, attempts kept,
 * the same webhook-id, so the back office can tell a replay from a new event).
 */
@Service
public class WebhookDeliveries {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final int MAX_PAGE_SIZE = 200;

    /**
     * An endpoint and its deliveries by status; its url without the query (which may carry a token). An endpoint no
     * longer configured but with deliveries in the log shows with no url and not enabled: its pending deliveries wait
     * until it is configured again.
     */
    public record EndpointSummary(String name, @Nullable String url, boolean enabled, List<String> events, long pending,
                                  long delivered, long failed) {
    }

    private final WebhookSettings settings;
    private final WebhookDeliveryStore store;
    private final Clock clock;

    public WebhookDeliveries(WebhookSettings settings, WebhookDeliveryStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    /** Newest first; a null endpoint or status shows all. The page size is kept within 1..200. */
    public DeliveryPage page(String endpoint, Status status, int page, int size) {
        return store.page(endpoint, status, Math.max(0, page), Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    }

    /** One delivery with its event's body exactly as sent. */
    public Optional<DeliveryDetail> find(long id) {
        return store.find(id);
    }

    /** Sends the delivery again (whatever its status) as soon as the sweep comes by; 0 if it is being posted now. */
    public int replay(long id, String actor) {
        int replayed = store.replay(id, actor, clock.instant());
        if (replayed > 0) {
            log.info("Webhook delivery {} replayed by {}", id, actor);
        }
        return replayed;
    }

    /** Sends every FAILED delivery of the endpoint again; returns how many. */
    public int replayFailed(String endpoint, String actor) {
        int replayed = store.replayFailed(endpoint, actor, clock.instant());
        log.info("{} failed webhook delivery(ies) to endpoint {} replayed by {}", replayed, endpoint, actor);
        return replayed;
    }

    public List<EndpointSummary> endpoints() {
        Map<String, Map<Status, Long>> counts = store.countsByEndpoint();
        List<EndpointSummary> endpoints = new ArrayList<>();
        settings.endpoints().forEach((name, endpoint) -> endpoints.add(view(name, endpoint, counts.get(name))));
        counts.forEach((name, byStatus) -> {
            if (!settings.endpoints().containsKey(name)) {
                endpoints.add(view(name, null, byStatus));
            }
        });
        return endpoints;
    }

    /** Whether an endpoint of this name is configured, or has deliveries in the log. */
    public boolean knows(String endpoint) {
        return endpoints().stream().anyMatch(e -> e.name().equals(endpoint));
    }

    private static EndpointSummary view(String name, WebhookSettings.Endpoint endpoint, Map<Status, Long> byStatus) {
        Map<Status, Long> counts = byStatus == null ? Map.of() : byStatus;
        String url = endpoint == null || endpoint.url() == null ? null
                : endpoint.url().strip().replaceFirst("\\?.*$", "?…");
        return new EndpointSummary(name, url, endpoint != null && endpoint.enabled(),
                endpoint == null ? List.of() : endpoint.events(), counts.getOrDefault(Status.PENDING, 0L),
                counts.getOrDefault(Status.DELIVERED, 0L), counts.getOrDefault(Status.FAILED, 0L));
    }
}

package com.returnsgateway.core.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook outbox (tables webhook_event and webhook_delivery): what is written, claimed, posted and replayed. */
@Repository
public class WebhookDeliveryStore {

    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery claimed for posting, with the stored body it signs and sends. */
    public record Due(long id, UUID eventId, String endpoint, int attempts, Instant retryingSince, String body) {
    }

    /** One line of an endpoint's delivery log. */
    public record Delivery(long id, UUID eventId, String endpoint, String eventType, String caseId, Status status,
                           int attempts, @Nullable Integer lastStatus, @Nullable String lastError, Instant createdAt,
                           @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt,
                           @Nullable Instant deliveredAt, @Nullable Instant failedAt, @Nullable String replayedBy,
                           @Nullable Instant replayedAt) {
    }

    /** A delivery with its event: when it happened and the body exactly as sent. */
    public record DeliveryDetail(Delivery delivery, Instant occurredAt, String body) {
    }

    /** A page of the delivery log, newest first. */
    public record DeliveryPage(List<Delivery> deliveries, int page, int size, long total) {
    }

    private static final String DELIVERY_COLUMNS = """
            d.id, d.event_id, d.endpoint, e.type, d.case_id, d.status, d.attempts, d.last_status, d.last_error,
            d.created_at, d.last_attempt_at, d.next_attempt_at, d.delivered_at, d.failed_at, d.replayed_by,
            d.replayed_at, e.occurred_at, e.body""";

    private final JdbcClient jdbc;

    public WebhookDeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event and one pending delivery per endpoint, due now; call it in the transaction of the change. */
    public void write(UUID eventId, String caseId, String type, Instant occurredAt, String body,
                      Collection<String> endpoints, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_event (event_id, case_id, type, occurred_at, body)
                        VALUES (:id, :caseId, :type, :occurredAt, :body)""")
                .param("id", eventId)
                .param("caseId", caseId)
                .param("type", type)
                .param("occurredAt", Timestamp.from(occurredAt))
                .param("body", body)
                .update();
        for (String endpoint : endpoints) {
            jdbc.sql("""
                            INSERT INTO webhook_delivery (event_id, case_id, endpoint, status, created_at, retrying_since,
                                                          next_attempt_at)
                            VALUES (:id, :caseId, :endpoint, 'PENDING', :now, :now, :now)""")
                    .param("id", eventId)
                    .param("caseId", caseId)
                    .param("endpoint", endpoint)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /**
     * Claims up to {@code limit} due deliveries of these endpoints under {@code token} until {@code now + lease}.
     * SKIP LOCKED lets several instances claim at once without taking the same delivery. A delivery waits while an
     * earlier one of the same case to the same endpoint is pending (due later, or being posted): a case's events
     * arrive in order. A FAILED one does not hold the case's later events back.
     */
    public List<Due> claim(Collection<String> endpoints, String token, Instant now, Duration lease, int limit) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        List<Due> claimed = new ArrayList<>(jdbc.sql("""
                        UPDATE webhook_delivery d SET claim_token = :token, claim_until = :until
                        FROM webhook_event e
                        WHERE e.event_id = d.event_id AND d.id IN (
                            SELECT c.id FROM webhook_delivery c
                            WHERE c.status = 'PENDING' AND c.next_attempt_at <= :now AND c.endpoint IN (:endpoints)
                              AND (c.claim_until IS NULL OR c.claim_until < :now)
                              AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                              WHERE earlier.endpoint = c.endpoint AND earlier.case_id = c.case_id
                                                AND earlier.status = 'PENDING' AND earlier.id < c.id)
                            ORDER BY c.next_attempt_at, c.id
                            LIMIT :limit
                            FOR UPDATE OF c SKIP LOCKED)
                        RETURNING d.id, d.event_id, d.endpoint, d.attempts, d.retrying_since, e.body""")
                .param("token", token)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("endpoints", endpoints)
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("endpoint"), rs.getInt("attempts"), instant(rs, "retrying_since"),
                        rs.getString("body")))
                .list());
        claimed.sort(Comparator.comparingLong(Due::id));
        return claimed;
    }

    /** A 2xx answer; false when the claim was lost meanwhile (another sweep owns the delivery now). */
    public boolean delivered(Due due, String token, int status, Instant at) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status = :status,
                               last_error = NULL, last_attempt_at = :at, delivered_at = :at, claim_token = NULL,
                               claim_until = NULL
                        WHERE id = :id AND claim_token = :token""")
                .param("status", status)
                .param("at", Timestamp.from(at))
                .param("id", due.id())
                .param("token", token)
                .update() == 1;
    }

    /** A failed attempt, tried again at {@code next}. */
    public boolean retry(Due due, String token, Integer status, String error, Instant at, Instant next) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, last_status = :status, last_error = :error,
                               last_attempt_at = :at, next_attempt_at = :next, claim_token = NULL, claim_until = NULL
                        WHERE id = :id AND claim_token = :token""")
                .param("status", status)
                .param("error", error)
                .param("at", Timestamp.from(at))
                .param("next", Timestamp.from(next))
                .param("id", due.id())
                .param("token", token)
                .update() == 1;
    }

    /** A failed attempt past give-up-after: FAILED, kept for replay. */
    public boolean failed(Due due, String token, Integer status, String error, Instant at) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'FAILED', attempts = attempts + 1, last_status = :status,
                               last_error = :error, last_attempt_at = :at, failed_at = :at, claim_token = NULL,
                               claim_until = NULL
                        WHERE id = :id AND claim_token = :token""")
                .param("status", status)
                .param("error", error)
                .param("at", Timestamp.from(at))
                .param("id", due.id())
                .param("token", token)
                .update() == 1;
    }

    /** Not attempted after all (its endpoint failed earlier in the same sweep): due again at once, no attempt counted. */
    public void release(Due due, String token) {
        jdbc.sql("UPDATE webhook_delivery SET claim_token = NULL, claim_until = NULL WHERE id = :id AND claim_token = :token")
                .param("id", due.id())
                .param("token", token)
                .update();
    }

    /** Pending deliveries per endpoint. */
    public Map<String, Long> pendingByEndpoint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT endpoint, count(*) AS n FROM webhook_delivery WHERE status = 'PENDING' GROUP BY endpoint")
                .query((rs, n) -> counts.put(rs.getString("endpoint"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Deliveries per endpoint and status. */
    public Map<String, Map<Status, Long>> countsByEndpoint() {
        Map<String, Map<Status, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT endpoint, status, count(*) AS n FROM webhook_delivery GROUP BY endpoint, status")
                .query((rs, n) -> counts.computeIfAbsent(rs.getString("endpoint"), e -> new LinkedHashMap<>())
                        .put(Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** The delivery log, newest first; a null endpoint or status filters nothing. */
    public DeliveryPage page(String endpoint, Status status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (endpoint != null) {
            where.append(" AND d.endpoint = ?");
            args.add(endpoint);
        }
        if (status != null) {
            where.append(" AND d.status = ?");
            args.add(status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM webhook_delivery d" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Delivery> deliveries = jdbc.sql("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN webhook_event e ON e.event_id = d.event_id" + where
                        + " ORDER BY d.id DESC LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query(WebhookDeliveryStore::delivery)
                .list();
        return new DeliveryPage(deliveries, page, size, total);
    }

    public Optional<DeliveryDetail> find(long id) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_delivery d JOIN webhook_event e ON e.event_id = d.event_id WHERE d.id = :id")
                .param("id", id)
                .query((rs, n) -> new DeliveryDetail(delivery(rs, n), instant(rs, "occurred_at"), rs.getString("body")))
                .optional();
    }

    /**
     * Due again now, with a fresh give-up window and its attempts kept: a FAILED or DELIVERED delivery, or a PENDING
     * one not being posted right now. Returns 1, or 0 when it is being posted (or does not exist).
     */
    public int replay(long id, String actor, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, retrying_since = :now,
                               delivered_at = NULL, failed_at = NULL, replayed_by = :actor, replayed_at = :now
                        WHERE id = :id AND (status <> 'PENDING' OR claim_until IS NULL OR claim_until < :now)""")
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .param("id", id)
                .update();
    }

    /** Every FAILED delivery of the endpoint due again now (see {@link #replay}); returns how many. */
    public int replayFailed(String endpoint, String actor, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, retrying_since = :now,
                               failed_at = NULL, replayed_by = :actor, replayed_at = :now
                        WHERE endpoint = :endpoint AND status = 'FAILED'""")
                .param("now", Timestamp.from(now))
                .param("actor", actor)
                .param("endpoint", endpoint)
                .update();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("endpoint"),
                rs.getString("type"), rs.getString("case_id"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
                instant(rs, "delivered_at"), instant(rs, "failed_at"), rs.getString("replayed_by"),
                instant(rs, "replayed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}

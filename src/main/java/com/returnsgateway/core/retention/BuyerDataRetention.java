package com.returnsgateway.core.retention;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.logging.PiiMask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buyer data is kept only as long as it is needed ({@code gateway.retention.after-done}, 30 days: Amazon's Data
 * Protection Policy): after that a DONE case loses its buyer's name, email, address, phone and comment, wherever they
 * were written (the stored request, the timeline, status reason, emails log), and a quarantined input its payload's
 * buyer data. Money, ids, items, statuses and the timeline itself stay, so the books and the history still add up.
 *
 * <p>Every step can run again: the values to remove are read from the stored request, which is masked last.
 */
@Component
public class BuyerDataRetention {

    /** What stands where buyer data was. */
    public static final String REMOVED = "[removed]";

    private static final Logger log = LoggerFactory.getLogger(BuyerDataRetention.class);
    private static final int BATCH = 200;
    /** Buyer fields kept: they say nothing about who the buyer is, and emails and labels are chosen by them. */
    private static final Set<String> KEPT_BUYER_FIELDS = Set.of("locale", "country");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final GatewayProperties.Retention settings;

    public BuyerDataRetention(JdbcClient jdbc, JsonMapper json, Clock clock, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.settings = properties.retention();
    }

    /** For the route's timer: {@code {{bean:buyerDataRetention.intervalMillis}}}. */
    public long intervalMillis() {
        return settings.interval().toMillis();
    }

    /** Removes what is past its time; returns how many cases and quarantine entries were cleaned. */
    public Result run() {
        if (!settings.enabled()) {
            return new Result(0, 0);
        }
        Instant cutoff = clock.instant().minus(settings.afterDone());
        int cases = 0;
        List<DueCase> due;
        do {
            due = jdbc.sql("""
                            SELECT case_id, request::text AS request FROM return_case
                            WHERE phase = 'DONE' AND buyer_data_removed_at IS NULL AND updated_at <= :cutoff
                            ORDER BY updated_at LIMIT :batch""")
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("batch", BATCH)
                    .query((rs, n) -> new DueCase(rs.getString("case_id"), rs.getString("request")))
                    .list();
            due.forEach(this::removeFromCase);
            cases += due.size();
        } while (due.size() == BATCH);
        int quarantined = removeFromQuarantine(cutoff);
        if (cases + quarantined > 0) {
            log.info("Retention: removed buyer data from {} cases and {} quarantined inputs done before {}", cases,
                    quarantined, cutoff);
        }
        return new Result(cases, quarantined);
    }

    public record Result(int cases, int quarantineEntries) {
    }

    private record DueCase(String caseId, String request) {
    }

    private void removeFromCase(DueCase due) {
        JsonNode request = parse(due.request());
        // longest first, so a name inside an address line is not half replaced
        List<String> values = new ArrayList<>(buyerValues(request));
        values.sort(Comparator.comparingInt(String::length).reversed());
        for (String value : values) {
            jdbc.sql("UPDATE case_event SET message = replace(message, :v, :r) WHERE case_id = :id AND strpos(message, :v) > 0")
                    .param("v", value).param("r", REMOVED).param("id", due.caseId()).update();
            jdbc.sql("UPDATE sent_email SET subject = replace(subject, :v, :r) WHERE case_id = :id AND strpos(subject, :v) > 0")
                    .param("v", value).param("r", REMOVED).param("id", due.caseId()).update();
            jdbc.sql("""
                            UPDATE return_case SET status_reason = replace(status_reason, :v, :r)
                            WHERE case_id = :id AND strpos(status_reason, :v) > 0""")
                    .param("v", value).param("r", REMOVED).param("id", due.caseId()).update();
        }
        String email = text(request.path("buyer").path("email"));
        if (email != null) {
            jdbc.sql("UPDATE sent_email SET recipient = :r WHERE case_id = :id AND lower(recipient) = lower(:email)")
                    .param("r", REMOVED).param("id", due.caseId()).param("email", email).update();
        }
        // the emails as sent address the buyer by name, at their address: the console then says the body is erased
        jdbc.sql("UPDATE sent_email SET text_body = NULL, html_body = NULL WHERE case_id = :id")
                .param("id", due.caseId()).update();
        // what the buyer wrote back is theirs entirely: the text, the photos, the address it came from
        jdbc.sql("DELETE FROM buyer_reply_attachment WHERE case_id = :id").param("id", due.caseId()).update();
        jdbc.sql("UPDATE buyer_reply SET sender = :r, subject = :r, text = :r WHERE case_id = :id")
                .param("r", REMOVED).param("id", due.caseId()).update();
        jdbc.sql("""
                        UPDATE case_event SET message = :m
                        WHERE case_id = :id AND type IN ('BUYER_REPLY', 'AUTO_REPLY', 'BOUNCE')""")
                .param("m", "Email from the buyer (" + REMOVED + ")").param("id", due.caseId()).update();
        // last: the request holds the values the steps above look for, so an interrupted run is finished next time
        jdbc.sql("""
                        UPDATE return_case SET request = CAST(:request AS jsonb), buyer_data_removed_at = :now
                        WHERE case_id = :id""")
                .param("request", json.writeValueAsString(masked(request)))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", due.caseId())
                .update();
    }

    private int removeFromQuarantine(Instant cutoff) {
        record Entry(long id, String reason, String payload) {
        }
        List<Entry> due = jdbc.sql("""
                        SELECT id, reason, payload FROM quarantine
                        WHERE buyer_data_removed_at IS NULL AND received_at <= :cutoff ORDER BY id""")
                .param("cutoff", Timestamp.from(cutoff))
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("reason"), rs.getString("payload")))
                .list();
        for (Entry entry : due) {
            jdbc.sql("UPDATE quarantine SET reason = :reason, payload = :payload, buyer_data_removed_at = :now WHERE id = :id")
                    .param("reason", PiiMask.mask(entry.reason()))
                    .param("payload", maskedPayload(entry.payload()))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", entry.id())
                    .update();
        }
        return due.size();
    }

    /** A JSON payload keeps its shape with buyer data masked; any other (a report row, broken JSON) goes whole. */
    private String maskedPayload(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node != null && node.isContainer()) {
                return json.writeValueAsString(masked(node));
            }
        } catch (JacksonException notJson) {
            // falls through: it cannot be told apart, so none of it stays
        }
        return REMOVED + " (" + payload.length() + " characters past gateway.retention.after-done)";
    }

    /** A copy with every {@code buyer} object's values and every {@code comment} replaced, at any depth. */
    private JsonNode masked(JsonNode node) {
        JsonNode copy = node.deepCopy();
        maskInPlace(copy, false);
        return copy;
    }

    private void maskInPlace(JsonNode node, boolean inBuyer) {
        if (node.isArray()) {
            node.forEach(child -> maskInPlace(child, inBuyer));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (String field : new ArrayList<>(object.propertyNames())) {
            JsonNode value = object.get(field);
            boolean buyer = inBuyer || field.equals("buyer");
            if (value.isContainer()) {
                maskInPlace(value, buyer);
            } else if ((buyer && !KEPT_BUYER_FIELDS.contains(field) || field.equals("comment")) && !value.isNull()) {
                object.put(field, REMOVED);
            }
        }
    }

    /** The texts that name the buyer: their name, email, address lines, phone, and the comment they wrote. */
    private static Set<String> buyerValues(JsonNode request) {
        Set<String> values = new LinkedHashSet<>();
        collect(request.path("buyer"), values);
        String comment = text(request.path("comment"));
        if (comment != null) {
            values.add(comment);
        }
        values.removeIf(v -> v.length() < 3 || v.equals(REMOVED)); // "NV", "US": not worth blanking every mention
        return values;
    }

    private static void collect(JsonNode node, Set<String> values) {
        node.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                collect(e.getValue(), values);
            } else if (!KEPT_BUYER_FIELDS.contains(e.getKey()) && text(e.getValue()) != null) {
                values.add(text(e.getValue()));
            }
        });
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }

    private JsonNode parse(String request) {
        JsonNode node = json.readTree(request == null ? "{}" : request);
        return node == null ? json.createObjectNode() : node;
    }
}

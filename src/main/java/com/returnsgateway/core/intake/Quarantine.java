package com.returnsgateway.core.intake;

import com.returnsgateway.core.logging.PiiMask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inputs that could not become a case, kept whole with the reason so an operator can act on them. */
@Repository
public class Quarantine {

    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);
    private static final int MAX_PAYLOAD = 1_000_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public Quarantine(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void keep(String source, String reference, String reason, String payload) {
        String kept = payload.length() > MAX_PAYLOAD ? payload.substring(0, MAX_PAYLOAD) : payload;
        jdbc.sql("""
                        INSERT INTO quarantine (source, reference, reason, payload, received_at)
                        VALUES (:source, :reference, :reason, :payload, :at)""")
                .param("source", source)
                .param("reference", reference)
                .param("reason", reason)
                .param("payload", kept.replace("\u0000", "\\u0000"))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        // the reason may quote an input value (an invalid email address): masked, and the payload is never logged
        log.warn("Quarantined input from {} ({}): {}", source, PiiMask.mask(reference), PiiMask.mask(reason));
    }

    /**
     * Keeps the input unless one from the same source under the same reference is kept already: for sources that
     * read the same input again and again (an Amazon report window overlaps the last one by a day).
     *
     * @return true when it was kept now
     */
    public boolean keepOnce(String source, String reference, String reason, String payload) {
        if (contains(source, reference)) {
            return false;
        }
        keep(source, reference, reason, payload);
        return true;
    }

    public boolean contains(String source, String reference) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM quarantine WHERE source = :source AND reference = :reference)")
                .param("source", source)
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    public List<Entry> list(int limit) {
        return jdbc.sql("SELECT id, source, reference, reason, payload, received_at FROM quarantine ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("source"), rs.getString("reference"),
                        rs.getString("reason"), rs.getString("payload"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    public record Entry(long id, String source, String reference, String reason, String payload, Instant receivedAt) {
    }
}

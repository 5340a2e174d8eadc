package com.returnsgateway.core.intake;

import com.returnsgateway.core.logging.PiiMask;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    /**
     * Keeps the input with its reason, once: the same payload from the same source for the same reason (a bad page
     * that every poll reads again) is kept the first time only.
     *
     * @return true when it was kept now, false when it was already there
     */
    public boolean keep(String source, String reference, String reason, String payload) {
        String kept = payload.length() > MAX_PAYLOAD ? payload.substring(0, MAX_PAYLOAD) : payload;
        int added = jdbc.sql("""
                        INSERT INTO quarantine (source, reference, reason, payload, received_at, fingerprint)
                        VALUES (:source, :reference, :reason, :payload, :at, :fingerprint)
                        ON CONFLICT (fingerprint) DO NOTHING""")
                .param("source", source)
                .param("reference", reference)
                .param("reason", reason)
                .param("payload", kept.replace("\u0000", "\\u0000"))
                .param("at", Timestamp.from(clock.instant()))
                .param("fingerprint", fingerprint(source, reason, payload))
                .update();
        if (added == 0) {
            log.debug("Input from {} ({}) is in the quarantine already", source, PiiMask.mask(reference));
            return false;
        }
        // the reason may quote an input value (an invalid email address): masked, and the payload is never logged
        log.warn("Quarantined input from {} ({}): {}", source, PiiMask.mask(reference), PiiMask.mask(reason));
        return true;
    }

    /** SHA-256 of source, reason and payload, each length-prefixed so that no two triples run together. */
    static String fingerprint(String source, String reason, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {source, reason, payload}) {
                byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
        return keep(source, reference, reason, payload);
    }

    public boolean contains(String source, String reference) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM quarantine WHERE source = :source AND reference = :reference)")
                .param("source", source)
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    /** One page of entries, newest first, without their payloads (which may be megabytes, and hold buyer data). */
    public Page list(int page, int size) {
        return list(false, page, size);
    }

    /** As {@link #list(int, int)}; {@code openOnly}: only those no operator resolved yet. */
    public Page list(boolean openOnly, int page, int size) {
        String where = openOnly ? " WHERE resolution IS NULL" : "";
        List<Summary> entries = jdbc.sql("""
                        SELECT id, source, reference, reason, length(payload) AS payload_length, received_at, resolution
                        FROM quarantine""" + where + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("source"), rs.getString("reference"),
                        rs.getString("reason"), rs.getLong("payload_length"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("resolution")))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM quarantine" + where).query(Long.class).single();
        return new Page(entries, page, size, total);
    }

    /** How many entries wait for an operator, and since when the oldest does (null when none). */
    public Waiting waiting() {
        return jdbc.sql("SELECT count(*) AS n, min(received_at) AS oldest FROM quarantine WHERE resolution IS NULL")
                .query((rs, n) -> new Waiting(rs.getLong("n"), rs.getTimestamp("oldest") == null ? null
                        : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    /** One entry with its payload. */
    public Optional<Entry> find(long id) {
        return jdbc.sql("""
                        SELECT id, source, reference, reason, payload, received_at, resolution, resolved_by,
                               resolved_at, resolution_note, case_id
                        FROM quarantine WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("source"), rs.getString("reference"),
                        rs.getString("reason"), rs.getString("payload"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("resolution") == null ? null : new Resolution(rs.getString("resolution"),
                                rs.getString("resolved_by"), rs.getTimestamp("resolved_at").toInstant(),
                                rs.getString("resolution_note"), rs.getString("case_id"))))
                .optional();
    }

    /**
     * Marks an open entry resolved; false when it was resolved already (by another operator meanwhile).
     * {@code how}: RESUBMITTED (then {@code caseId} names the case it became) or DISCARDED.
     */
    public boolean resolve(long id, String how, String actor, String note, String caseId) {
        return jdbc.sql("""
                        UPDATE quarantine SET resolution = :how, resolved_by = :actor, resolved_at = :at,
                               resolution_note = :note, case_id = :caseId
                        WHERE id = :id AND resolution IS NULL""")
                .param("how", how)
                .param("actor", actor)
                .param("at", Timestamp.from(clock.instant()))
                .param("note", note)
                .param("caseId", caseId)
                .param("id", id)
                .update() == 1;
    }

    /** {@code resolution} is null while the entry waits for an operator. */
    public record Entry(long id, String source, @Nullable String reference, String reason, String payload,
                        Instant receivedAt, @Nullable Resolution resolution) {
    }

    /** What an operator did with an entry. */
    public record Resolution(String how, String by, Instant at, @Nullable String note, @Nullable String caseId) {
    }

    /** An entry as a list shows it: how long its payload is, not the payload; {@code resolution} null when open. */
    public record Summary(long id, String source, @Nullable String reference, String reason, long payloadLength,
                          Instant receivedAt, @Nullable String resolution) {
    }

    public record Page(List<Summary> entries, int page, int size, long total) {
    }

    public record Waiting(long count, Instant oldest) {
    }
}

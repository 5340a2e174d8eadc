package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import com.returnsgateway.core.waits.WaitingCases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The numbers followed with 17TRACK (table {@code tracked_number}), their registration state and latest status. */
@Component
public class TrackedNumbers {

    public enum State { PENDING, REGISTERED, REJECTED, QUOTA_EXHAUSTED, STOPPED }

    /** A followed number as stored; {@code carrier} is 17TRACK's numeric key, or null to let it detect the carrier. */
    public record Tracked(String number, String carrier, State state, String statusCode, String statusDetail,
                          Instant statusAt, String error) {
    }

    private static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Told of a number whose status changed: the cases waiting on it are looked at now. */
    private final Consumer<String> changed;

    @Autowired
    public TrackedNumbers(JdbcClient jdbc, Clock clock, WaitingCases waits) {
        this(jdbc, clock, waits::wakeLastMile);
    }

    public TrackedNumbers(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, number -> { });
    }

    private TrackedNumbers(JdbcClient jdbc, Clock clock, Consumer<String> changed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changed = changed;
    }

    /** Stores a number to register, unless it is followed already (then nothing changes). */
    public void add(String number, String carrier) {
        Timestamp now = now();
        jdbc.sql("""
                        INSERT INTO tracked_number (number, carrier, state, created_at, updated_at)
                        VALUES (:number, :carrier, 'PENDING', :now, :now)
                        ON CONFLICT (number) DO NOTHING""")
                .param("number", number)
                .param("carrier", carrier)
                .param("now", now)
                .update();
    }

    public Optional<Tracked> find(String number) {
        return jdbc.sql("SELECT * FROM tracked_number WHERE number = :number")
                .param("number", number)
                .query(TrackedNumbers::row)
                .optional();
    }

    /** Numbers to register, oldest first: PENDING ones, and those that waited for the quota. */
    public List<Tracked> toRegister(int limit) {
        return jdbc.sql("""
                        SELECT * FROM tracked_number WHERE state IN ('PENDING', 'QUOTA_EXHAUSTED')
                        ORDER BY created_at, number LIMIT :limit""")
                .param("limit", limit)
                .query(TrackedNumbers::row)
                .list();
    }

    /** Registered numbers not asked about since {@code before}, least recently asked first. */
    public List<Tracked> toRefresh(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM tracked_number
                        WHERE state = 'REGISTERED' AND (refreshed_at IS NULL OR refreshed_at < :before)
                        ORDER BY refreshed_at NULLS FIRST, number LIMIT :limit""")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(TrackedNumbers::row)
                .list();
    }

    /**
     * Moves numbers to {@code state} with {@code error} (null clears it). A number just registered counts as refreshed
     * now: 17TRACK needs a while to fetch it, and its webhook tells the first status anyway.
     */
    public void mark(Collection<String> numbers, State state, String error) {
        if (numbers.isEmpty()) {
            return;
        }
        Timestamp now = now();
        jdbc.sql("""
                        UPDATE tracked_number SET state = :state, error = :error, updated_at = :now,
                               refreshed_at = CASE WHEN :state = 'REGISTERED' AND state <> 'REGISTERED' THEN :now
                                                   ELSE refreshed_at END
                        WHERE number IN (:numbers)""")
                .param("state", state.name())
                .param("error", cut(error))
                .param("now", now)
                .param("numbers", List.copyOf(numbers))
                .update();
    }

    /** Asked about now, with no status to tell (17TRACK has none yet, or refused to say: {@code error}). */
    public void refreshed(String number, String error) {
        Timestamp now = now();
        jdbc.sql("UPDATE tracked_number SET refreshed_at = :now, updated_at = :now, error = :error WHERE number = :number")
                .param("now", now)
                .param("error", cut(error))
                .param("number", number)
                .update();
    }

    /**
     * The status 17TRACK gave (by a poll or its webhook); an older one than stored is ignored, so a late poll does not
     * undo a pushed update. A changed status wakes the cases waiting on the number. Returns false when the number is
     * not followed.
     */
    public boolean status(String number, TrackingStatus status) {
        String before = find(number).map(Tracked::statusCode).orElse(null);
        Timestamp now = now();
        int rows = jdbc.sql("""
                        UPDATE tracked_number
                        SET status_code = CASE WHEN status_at IS NULL OR status_at <= :at THEN :code ELSE status_code END,
                            status_detail = CASE WHEN status_at IS NULL OR status_at <= :at THEN :detail
                                                 ELSE status_detail END,
                            status_at = GREATEST(COALESCE(status_at, :at), :at),
                            state = CASE WHEN state IN ('PENDING', 'QUOTA_EXHAUSTED') THEN 'REGISTERED' ELSE state END,
                            error = NULL, refreshed_at = :now, updated_at = :now
                        WHERE number = :number""")
                .param("code", cut(status.code()))
                .param("detail", cut(status.detail()))
                .param("at", Timestamp.from(status.at()))
                .param("now", now)
                .param("number", number)
                .update();
        if (rows > 0 && !Objects.equals(before, find(number).map(Tracked::statusCode).orElse(null))) {
            changed.accept(number);
        }
        return rows > 0;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }

    private static Tracked row(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("status_at");
        return new Tracked(rs.getString("number"), rs.getString("carrier"), State.valueOf(rs.getString("state")),
                rs.getString("status_code"), rs.getString("status_detail"), at == null ? null : at.toInstant(),
                rs.getString("error"));
    }
}

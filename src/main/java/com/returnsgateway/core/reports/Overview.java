package com.returnsgateway.core.reports;

import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.waits.WaitSettings;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the operations team looks at first: what needs a person now (manual review, the quarantine, waits past their
 * limits), oldest first, and today's numbers (the team's day, {@link ReportSettings#timeZone()}).
 */
@Service
public class Overview {

    /** How many cases of each list the home page shows; the counts are complete. */
    static final int SHOWN = 10;

    private final JdbcClient jdbc;
    private final Quarantine quarantine;
    private final WaitSettings waits;
    private final ReportSettings settings;
    private final Clock clock;

    public Overview(JdbcClient jdbc, Quarantine quarantine, WaitSettings waits, ReportSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.quarantine = quarantine;
        this.waits = waits;
        this.settings = settings;
        this.clock = clock;
    }

    /** A case that needs a person: since when, and why. */
    public record Waiting(String caseId, String returnId, String orderId, String marketplace, String status,
                          String why, Instant since) {
    }

    public record CaseList(long total, List<Waiting> oldest) {
    }

    public record NeedsPerson(CaseList manualReview, Quarantine.Waiting quarantine, CaseList overdueWaits) {
        public long total() {
            return manualReview.total() + quarantine.count() + overdueWaits.total();
        }
    }

    public record Total(String currency, long count, BigDecimal amount) {
    }

    public record Today(LocalDate day, long returnsIn, long interceptsAsked, long interceptsAccepted,
                        List<Total> refunds) {
    }

    public NeedsPerson needsPerson() {
        CaseList review = cases("status = 'MANUAL_REVIEW'", "status_reason", "updated_at", Map.of());
        CaseList overdue = cases(WaitSettings.PAST_LIMITS, "wait_kind", "waiting_since",
                waits.pastLimitsParams(clock.instant()));
        return new NeedsPerson(review, quarantine.waiting(), overdue);
    }

    public Today today() {
        LocalDate day = LocalDate.now(clock.withZone(settings.timeZone()));
        Timestamp start = Timestamp.from(day.atStartOfDay(settings.timeZone()).toInstant());
        long returnsIn = count("SELECT count(*) FROM return_case WHERE created_at >= :start", start);
        long asked = count("SELECT count(*) FROM intercept_request WHERE created_at >= :start", start);
        long accepted = count("""
                SELECT count(*) FROM intercept_request WHERE answered_at >= :start AND outcome = 'ACCEPTED'""", start);
        List<Total> refunds = jdbc.sql("""
                        SELECT currency, count(*) AS n, sum(amount) AS total FROM refund_instruction
                        WHERE kind = 'REFUND' AND sent_at >= :start GROUP BY currency ORDER BY currency""")
                .param("start", start)
                .query((rs, n) -> new Total(rs.getString("currency"), rs.getLong("n"),
                        rs.getBigDecimal("total").stripTrailingZeros()))
                .list();
        return new Today(day, returnsIn, asked, accepted, refunds);
    }

    private long count(String sql, Timestamp start) {
        return jdbc.sql(sql).param("start", start).query(Long.class).single();
    }

    private CaseList cases(String where, String whyColumn, String sinceColumn, Map<String, Object> params) {
        long total = jdbc.sql("SELECT count(*) FROM return_case WHERE " + where).params(params)
                .query(Long.class).single();
        List<Waiting> oldest = jdbc.sql("SELECT case_id, return_id, order_id, marketplace, status, " + whyColumn
                        + " AS why, " + sinceColumn + " AS since FROM return_case WHERE " + where + " ORDER BY "
                        + sinceColumn + " LIMIT " + SHOWN)
                .params(params)
                .query((rs, n) -> new Waiting(rs.getString("case_id"), rs.getString("return_id"),
                        rs.getString("order_id"), rs.getString("marketplace"), rs.getString("status"),
                        rs.getString("why"), rs.getTimestamp("since").toInstant()))
                .list();
        return new CaseList(total, oldest);
    }
}

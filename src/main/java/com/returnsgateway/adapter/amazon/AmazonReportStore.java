package com.returnsgateway.adapter.amazon;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns reports and the checkpoint they move (tables amazon_report and poll_checkpoint): what the report cycle
 * stores, so that a restart follows the open report instead of asking for a new one.
 */
@Repository
public class AmazonReportStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AmazonReportStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The id of the account's report not finished yet, if any (one at a time). */
    public Optional<String> openReport(String account) {
        return jdbc.sql("""
                        SELECT report_id FROM amazon_report WHERE account = :account AND finished_at IS NULL
                        ORDER BY id DESC LIMIT 1""")
                .param("account", account).query(String.class).optional();
    }

    public Optional<Instant> lastFinished(String account) {
        return jdbc.sql("SELECT max(finished_at) FROM amazon_report WHERE account = :account")
                .param("account", account)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** A report Amazon has been asked for (createReport), for the data window from start to end. */
    public void requested(String account, String reportId, Instant start, Instant end, Instant now) {
        jdbc.sql("""
                        INSERT INTO amazon_report (account, report_id, data_start, data_end, status, requested_at)
                        VALUES (:account, :reportId, :start, :end, 'IN_QUEUE', :now)""")
                .param("account", account)
                .param("reportId", reportId)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Amazon's processingStatus of the report, as last asked. */
    public void status(String account, String reportId, String status) {
        jdbc.sql("UPDATE amazon_report SET status = :status WHERE account = :account AND report_id = :reportId")
                .param("status", status)
                .param("account", account)
                .param("reportId", reportId)
                .update();
    }

    /** The report is finished and the checkpoint moves to its window's end, both or neither. */
    @Transactional
    public void finish(String account, String reportId, String status, int rows, int returns, int problems,
                       String message) {
        Instant end = jdbc.sql("""
                        UPDATE amazon_report SET status = :status, finished_at = :now, rows_read = :rows,
                               returns_found = :returns, problems = :problems, message = :message
                        WHERE account = :account AND report_id = :reportId RETURNING data_end""")
                .param("status", status)
                .param("now", Timestamp.from(clock.instant()))
                .param("rows", rows)
                .param("returns", returns)
                .param("problems", problems)
                .param("message", message)
                .param("account", account)
                .param("reportId", reportId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        jdbc.sql("""
                        INSERT INTO poll_checkpoint (source, updated_after, updated_at) VALUES (:source, :end, :now)
                        ON CONFLICT (source) DO UPDATE SET updated_after = GREATEST(poll_checkpoint.updated_after, :end),
                               updated_at = :now""")
                .param("source", source(account))
                .param("end", Timestamp.from(end))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** FATAL: the report is finished but the checkpoint stays, so the next report covers the same window. */
    public void failed(String account, String reportId, String message) {
        jdbc.sql("""
                        UPDATE amazon_report SET status = 'FATAL', finished_at = :now, message = :message
                        WHERE account = :account AND report_id = :reportId""")
                .param("now", Timestamp.from(clock.instant()))
                .param("message", message)
                .param("account", account)
                .param("reportId", reportId)
                .update();
    }

    /** The account's cases opened since the report was requested (one report at a time: they are its own). */
    public long casesOpenedSinceRequested(String account, String reportId) {
        return jdbc.sql("""
                        SELECT count(*) FROM return_case WHERE marketplace = :account AND created_at >=
                               (SELECT requested_at FROM amazon_report WHERE account = :account AND report_id = :reportId)""")
                .param("account", account)
                .param("reportId", reportId)
                .query(Long.class)
                .single();
    }

    /** Where the next report starts (before the overlap). */
    public Optional<Instant> checkpoint(String account) {
        return jdbc.sql("SELECT updated_after FROM poll_checkpoint WHERE source = :source")
                .param("source", source(account))
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    private static String source(String account) {
        return "amazon:" + account;
    }
}

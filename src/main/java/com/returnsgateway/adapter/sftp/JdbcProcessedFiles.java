package com.returnsgateway.adapter.sftp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record that a forwarder's file was processed ({@code forwarder_file}). {@link #claim} inserts the row or
 * finds it there: inside the transaction that processes the file, a second instance waits on the unique key and then
 * sees the file as taken; a crash rolls the claim back with the work, so the file is processed again.
 */
@Repository
public class JdbcProcessedFiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcProcessedFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ProcessedFile(String forwarder, String fileName, FileKind kind, String status, int rowsOk,
                                int rowsFailed, String report, Instant receivedAt) {
    }

    /**
     * True when this call took the file (a new row in status PROCESSING), false when the forwarder's file of that
     * name was claimed before.
     *
     * @throws IllegalArgumentException for a name that is no valid forwarder file name
     */
    public boolean claim(String forwarder, String fileName) {
        FileKind kind = FileKind.of(fileName)
                .orElseThrow(() -> new IllegalArgumentException("not a forwarder file name: " + fileName));
        return jdbc.sql("""
                        INSERT INTO forwarder_file (forwarder, file_name, kind, status, received_at)
                        VALUES (:forwarder, :file, :kind, 'PROCESSING', :now)
                        ON CONFLICT (forwarder, file_name) DO NOTHING""")
                .param("forwarder", forwarder)
                .param("file", fileName)
                .param("kind", kind.name())
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Stores the outcome of a claimed file. */
    public void complete(FileReport report) {
        jdbc.sql("""
                        UPDATE forwarder_file SET status = :status, rows_ok = :ok, rows_failed = :failed, report = :report
                        WHERE forwarder = :forwarder AND file_name = :file""")
                .param("status", report.status().name())
                .param("ok", report.rowsOk())
                .param("failed", report.rowsFailed())
                .param("report", report.text())
                .param("forwarder", report.forwarder())
                .param("file", report.fileName())
                .update();
    }

    public Optional<ProcessedFile> find(String forwarder, String fileName) {
        return jdbc.sql("SELECT * FROM forwarder_file WHERE forwarder = :forwarder AND file_name = :file")
                .param("forwarder", forwarder)
                .param("file", fileName)
                .query((rs, n) -> new ProcessedFile(rs.getString("forwarder"), rs.getString("file_name"),
                        FileKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getInt("rows_ok"),
                        rs.getInt("rows_failed"), rs.getString("report"), rs.getTimestamp("received_at").toInstant()))
                .optional();
    }

    /** Next number for an outbound file name; unique across instances. */
    public long nextSequence() {
        return jdbc.sql("SELECT nextval('sftp_file_seq')").query(Long.class).single();
    }
}

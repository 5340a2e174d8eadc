package com.returnsgateway.adapter.sftp;

import static com.returnsgateway.core.RouteVariables.BATCH_FILE;
import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.FORWARDER;
import static com.returnsgateway.core.RouteVariables.REVIEW_REASON;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.CaseStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intercepts sent to SFTP forwarders as files: which requests go into the next batch file (named before the upload,
 * so a failed upload is retried under the same name), and which waiting cases got their answer or ran out of time.
 */
@Component
public class SftpIntercepts {

    private static final int MAX_BATCH = 500;

    private final JdbcClient jdbc;
    private final SftpForwarderFiles files;
    private final Cases cases;
    private final SftpForwarders forwarders;
    private final Clock clock;

    public SftpIntercepts(JdbcClient jdbc, SftpForwarderFiles files, Cases cases, SftpForwarders forwarders,
                          Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.cases = cases;
        this.forwarders = forwarders;
        this.clock = clock;
    }

    /**
     * The CSV of the next batch for this forwarder and its file name in {@code CamelFileName}, or null when nothing
     * waits. A batch named but not uploaded yet (the last upload failed) goes first, under its name.
     */
    @Transactional
    public String nextBatch(@Variable(FORWARDER) String forwarder, Exchange exchange) {
        String fileName = jdbc.sql("""
                        SELECT min(file_name) FROM intercept_request
                        WHERE forwarder = :forwarder AND file_name IS NOT NULL AND written_at IS NULL AND outcome IS NULL""")
                .param("forwarder", forwarder)
                .query(String.class)
                .optional()
                .orElse(null);
        if (fileName == null) {
            List<String> waiting = jdbc.sql("""
                            SELECT i.case_id FROM intercept_request i JOIN return_case c ON c.case_id = i.case_id
                            WHERE i.forwarder = :forwarder AND i.file_name IS NULL AND i.outcome IS NULL
                              AND c.status = 'AWAITING_FORWARDER'
                            ORDER BY i.created_at LIMIT :limit""")
                    .param("forwarder", forwarder)
                    .param("limit", MAX_BATCH)
                    .query(String.class)
                    .list();
            if (waiting.isEmpty()) {
                return null;
            }
            fileName = files.interceptBatchFileName();
            jdbc.sql("UPDATE intercept_request SET file_name = :file WHERE case_id IN (:ids)")
                    .param("file", fileName)
                    .param("ids", waiting)
                    .update();
        }
        List<InterceptRequestRow> rows = jdbc.sql("""
                        SELECT idempotency_key, waybill, created_at FROM intercept_request
                        WHERE file_name = :file ORDER BY created_at""")
                .param("file", fileName)
                .query((rs, n) -> new InterceptRequestRow(rs.getString("idempotency_key"), rs.getString("waybill"),
                        "Buyer requested a return before dispatch", rs.getTimestamp("created_at").toInstant()))
                .list();
        exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName);
        exchange.setVariable(BATCH_FILE, fileName);
        return files.interceptBatchCsv(rows);
    }

    /** The batch file is complete on the forwarder's server: its answer deadline starts now. */
    @Transactional
    public void batchWritten(@Variable(FORWARDER) String forwarder, @Variable(BATCH_FILE) String fileName) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        UPDATE intercept_request SET written_at = :now
                        WHERE file_name = :file AND written_at IS NULL
                        RETURNING case_id, waybill""")
                .param("now", Timestamp.from(clock.instant()))
                .param("file", fileName)
                .query()
                .listOfRows();
        for (Map<String, Object> row : rows) {
            cases.record((String) row.get("case_id"), "sftp " + forwarder, "INTERCEPT_FILE",
                    "Intercept request for " + row.get("waybill") + " uploaded to " + forwarder + " in " + fileName
                            + "; answer due by " + clock.instant().plus(deadlineOf(forwarder)), "WRITTEN");
        }
    }

    /** A results file answered the case's intercept: it goes on at once (the core's follow-up sweep would too). */
    public void resume(String caseId, String source) {
        if (cases.get(caseId).status() == CaseStatus.AWAITING_FORWARDER) {
            cases.moveTo(caseId, CaseStatus.INTERCEPT_REQUESTED, "Intercept answer received in " + source);
        }
    }

    private java.time.Duration deadlineOf(String forwarder) {
        return forwarders.orDefaults(forwarder).answerDeadline();
    }
}

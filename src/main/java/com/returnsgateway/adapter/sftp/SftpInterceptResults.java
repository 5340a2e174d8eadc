package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intercept.InterceptSteps;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a forwarder's answer from a results file to the stored intercept request whose idempotency key is the
 * row's {@code request_id}. The first answer wins and goes on the case's timeline (and to the back office's webhooks,
 * in the file's transaction); a repeat of the same answer is harmless, a different one is refused.
 */
@Component
public class SftpInterceptResults {

    private final JdbcClient jdbc;
    private final Cases cases;

    public SftpInterceptResults(JdbcClient jdbc, Cases cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /**
     * What applying a row did: {@code caseId} is set when the row belongs to a case of this forwarder;
     * {@code problem} is set when the row was not used (the file report lists it with the row's line).
     */
    public record Applied(Result result, String caseId, String problem) {

        public enum Result {
            /** The answer was stored on the intercept request and the case's timeline. */
            RECORDED,
            /** The same answer was stored before (the file or row came again); nothing changed. */
            ALREADY_RECORDED,
            /** No intercept request of this forwarder has that request_id. */
            UNKNOWN_REQUEST,
            /** The row names another waybill than the request, or contradicts an answer stored before. */
            CONFLICT
        }

        public Optional<String> knownCaseId() {
            return Optional.ofNullable(caseId);
        }

        public boolean ok() {
            return result == Result.RECORDED || result == Result.ALREADY_RECORDED;
        }
    }

    private record Stored(String caseId, String waybill, String outcome) {
    }

    public Applied apply(String forwarder, ResultRow row) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT case_id, waybill, outcome FROM intercept_request
                        WHERE idempotency_key = :key AND forwarder = :forwarder""")
                .param("key", row.requestId())
                .param("forwarder", forwarder)
                .query((rs, n) -> new Stored(rs.getString("case_id"), rs.getString("waybill"), rs.getString("outcome")))
                .optional();
        if (stored.isEmpty()) {
            return new Applied(Applied.Result.UNKNOWN_REQUEST, null, "unknown request_id " + row.requestId());
        }
        Stored request = stored.get();
        if (!request.waybill().equals(row.waybill())) {
            return new Applied(Applied.Result.CONFLICT, request.caseId(), "waybill " + row.waybill()
                    + " is not the waybill of request_id " + row.requestId());
        }
        int updated = jdbc.sql("""
                        UPDATE intercept_request SET outcome = :outcome, outcome_code = :code, outcome_message = :message,
                               answered_at = :answeredAt
                        WHERE idempotency_key = :key AND outcome IS NULL""")
                .param("outcome", row.outcome().name())
                .param("code", row.code())
                .param("message", row.message())
                .param("answeredAt", Timestamp.from(row.answeredAt()))
                .param("key", row.requestId())
                .update();
        if (updated == 1) {
            cases.record(request.caseId(), "forwarder " + forwarder, "INTERCEPT",
                    "Intercept of " + row.waybill() + " " + row.outcome()
                            + (row.code() == null ? "" : " (" + row.code() + ": " + row.message() + ")")
                            + " (results file, answered " + row.answeredAt() + ")",
                    row.outcome().name());
            cases.publish(InterceptSteps.answered(request.caseId(), cases.get(request.caseId()).marketplace(),
                    forwarder, row.waybill(), row.outcome(), row.code(), row.message(), row.answeredAt()));
            return new Applied(Applied.Result.RECORDED, request.caseId(), null);
        }
        String current = request.outcome() != null ? request.outcome() : currentOutcome(row.requestId());
        if (row.outcome().name().equals(current)) {
            return new Applied(Applied.Result.ALREADY_RECORDED, request.caseId(), null);
        }
        return new Applied(Applied.Result.CONFLICT, request.caseId(), "request_id " + row.requestId()
                + " was already answered " + current + "; the answer " + row.outcome() + " is ignored");
    }

    private String currentOutcome(String key) {
        return jdbc.sql("SELECT outcome FROM intercept_request WHERE idempotency_key = :key")
                .param("key", key).query(String.class).single();
    }
}

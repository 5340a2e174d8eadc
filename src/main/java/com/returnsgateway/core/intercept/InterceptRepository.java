package com.returnsgateway.core.intercept;

import com.returnsgateway.core.model.InterceptOutcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Intercept requests: one per case, its idempotency key stored before the first attempt. */
@Repository
public class InterceptRepository {

    private final JdbcClient jdbc;

    public InterceptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record InterceptRecord(String caseId, String idempotencyKey, String forwarder, String waybill,
                                  @Nullable InterceptOutcome outcome, Instant createdAt,
                                  @Nullable Instant answeredAt) {
    }

    public InterceptRecord insertIfAbsent(String caseId, String key, String forwarder, String waybill, Instant now) {
        jdbc.sql("""
                        INSERT INTO intercept_request (case_id, idempotency_key, forwarder, waybill, created_at)
                        VALUES (:caseId, :key, :forwarder, :waybill, :now)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("caseId", caseId)
                .param("key", key)
                .param("forwarder", forwarder)
                .param("waybill", waybill)
                .param("now", Timestamp.from(now))
                .update();
        return find(caseId).orElseThrow();
    }

    public Optional<InterceptRecord> find(String caseId) {
        return jdbc.sql("SELECT * FROM intercept_request WHERE case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    Timestamp answered = rs.getTimestamp("answered_at");
                    return new InterceptRecord(rs.getString("case_id"), rs.getString("idempotency_key"),
                            rs.getString("forwarder"), rs.getString("waybill"),
                            outcome == null ? null : new InterceptOutcome(InterceptOutcome.Result.valueOf(outcome),
                                    rs.getString("outcome_code"), rs.getString("outcome_message")),
                            rs.getTimestamp("created_at").toInstant(), answered == null ? null : answered.toInstant());
                })
                .optional();
    }

    /** Stores the first answer; true when this was it (an answer stored before is kept, and false returned). */
    public boolean recordOutcome(String caseId, InterceptOutcome outcome, Instant now) {
        return jdbc.sql("""
                        UPDATE intercept_request SET outcome = :outcome, outcome_code = :code, outcome_message = :message,
                               answered_at = :now
                        WHERE case_id = :id AND outcome IS NULL""")
                .param("outcome", outcome.result().name())
                .param("code", outcome.code())
                .param("message", outcome.message())
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .update() == 1;
    }

    /** The request reached a forwarder that answers later: its answer deadline counts from now. */
    public void markDelivered(String caseId, Instant now) {
        jdbc.sql("UPDATE intercept_request SET written_at = :now WHERE case_id = :id AND written_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .update();
    }
}

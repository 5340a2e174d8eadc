package com.returnsgateway.core.refund;

import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundInstruction.Kind;
import com.returnsgateway.core.model.RefundInstruction.Status;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refund and reship instructions: one per case, its idempotency key stored before the first attempt. */
@Repository
public class RefundRepository {

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the instruction unless the case already has one; returns the one that holds. */
    public RefundInstruction insertIfAbsent(String caseId, String key, Kind kind, RefundType type, Money amount,
                                            RefundReason reason, Instant now) {
        jdbc.sql("""
                        INSERT INTO refund_instruction (case_id, idempotency_key, kind, refund_type, amount, currency,
                                                        reason, status, created_at)
                        VALUES (:caseId, :key, :kind, :type, :amount, :currency, :reason, 'PENDING', :now)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("caseId", caseId)
                .param("key", key)
                .param("kind", kind.name())
                .param("type", type.name())
                .param("amount", amount.amount())
                .param("currency", amount.currency())
                .param("reason", reason.name())
                .param("now", Timestamp.from(now))
                .update();
        return findByCase(caseId).orElseThrow();
    }

    public Optional<RefundInstruction> findByCase(String caseId) {
        return jdbc.sql("SELECT * FROM refund_instruction WHERE case_id = :id")
                .param("id", caseId)
                .query(RefundRepository::map)
                .optional();
    }

    public List<RefundInstruction> listByCase(String caseId) {
        return jdbc.sql("SELECT * FROM refund_instruction WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query(RefundRepository::map)
                .list();
    }

    /** Marks a pending instruction sent; true when it was pending (false: marked before, nothing changed). */
    public boolean markSent(String caseId, String remoteReference, Instant now) {
        return jdbc.sql("""
                        UPDATE refund_instruction SET status = 'SENT', remote_reference = :ref, sent_at = :now
                        WHERE case_id = :id AND status = 'PENDING'""")
                .param("ref", remoteReference)
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .update() == 1;
    }

    private static RefundInstruction map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new RefundInstruction(
                rs.getLong("id"),
                rs.getString("case_id"),
                rs.getString("idempotency_key"),
                Kind.valueOf(rs.getString("kind")),
                RefundType.valueOf(rs.getString("refund_type")),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency").trim()),
                RefundReason.valueOf(rs.getString("reason")),
                Status.valueOf(rs.getString("status")),
                rs.getString("remote_reference"),
                rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}

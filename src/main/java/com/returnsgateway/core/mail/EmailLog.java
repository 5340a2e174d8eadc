package com.returnsgateway.core.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every email the gateway handed to the mail server, with its Message-ID. */
@Repository
public class EmailLog {

    private final JdbcClient jdbc;

    public EmailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SentEmail(String kind, String recipient, String subject, @Nullable String messageId,
                            @Nullable String attachment, Instant sentAt) {
    }

    public void record(String caseId, int statusEpoch, SentEmail email) {
        jdbc.sql("""
                        INSERT INTO sent_email (case_id, kind, recipient, subject, message_id, attachment, sent_at,
                                                status_epoch)
                        VALUES (:caseId, :kind, :recipient, :subject, :messageId, :attachment, :sentAt, :epoch)""")
                .param("caseId", caseId)
                .param("epoch", statusEpoch)
                .param("kind", email.kind())
                .param("recipient", email.recipient())
                .param("subject", email.subject())
                .param("messageId", email.messageId())
                .param("attachment", email.attachment())
                .param("sentAt", Timestamp.from(email.sentAt()))
                .update();
    }

    /** True when this kind of email already went out while the case was in its current status. */
    public boolean alreadySent(String caseId, String kind, int statusEpoch) {
        return jdbc.sql("SELECT count(*) FROM sent_email WHERE case_id = :id AND kind = :kind AND status_epoch = :epoch")
                .param("id", caseId)
                .param("kind", kind)
                .param("epoch", statusEpoch)
                .query(Integer.class)
                .single() > 0;
    }

    /** How many times the case changed status: the same number means the same stay in one status. */
    public int statusEpoch(String caseId) {
        return jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = :id AND type = 'STATUS'")
                .param("id", caseId)
                .query(Integer.class)
                .single();
    }

    /**
     * The case of the latest email to a buyer among these Message-IDs (those a reply names in In-Reply-To and
     * References); emails to operations do not count.
     */
    public Optional<String> caseOfBuyerEmail(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT case_id FROM sent_email WHERE message_id IN (:ids)
                          AND kind NOT IN ('OPERATIONS_TASK', 'MANUAL_REVIEW', 'OPERATIONS_ALERT', 'BUYER_REPLIED')
                        ORDER BY id DESC LIMIT 1""")
                .param("ids", messageIds)
                .query(String.class)
                .optional();
    }

    public List<SentEmail> listByCase(String caseId) {
        return jdbc.sql("SELECT kind, recipient, subject, message_id, attachment, sent_at FROM sent_email WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> new SentEmail(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("message_id"), rs.getString("attachment"), rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}

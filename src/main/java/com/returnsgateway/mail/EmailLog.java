package com.returnsgateway.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every email the gateway handed to the mail server, with its Message-ID. */
@Repository
public class EmailLog {

    private final JdbcClient jdbc;

    public EmailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SentEmail(String kind, String recipient, String subject, String messageId, String attachment,
                            Instant sentAt) {
    }

    public void record(String caseId, SentEmail email) {
        jdbc.sql("""
                        INSERT INTO sent_email (case_id, kind, recipient, subject, message_id, attachment, sent_at)
                        VALUES (:caseId, :kind, :recipient, :subject, :messageId, :attachment, :sentAt)""")
                .param("caseId", caseId)
                .param("kind", email.kind())
                .param("recipient", email.recipient())
                .param("subject", email.subject())
                .param("messageId", email.messageId())
                .param("attachment", email.attachment())
                .param("sentAt", Timestamp.from(email.sentAt()))
                .update();
    }

    public List<SentEmail> listByCase(String caseId) {
        return jdbc.sql("SELECT kind, recipient, subject, message_id, attachment, sent_at FROM sent_email WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> new SentEmail(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("message_id"), rs.getString("attachment"), rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}

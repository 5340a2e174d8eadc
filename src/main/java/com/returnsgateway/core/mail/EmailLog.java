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
        record(caseId, statusEpoch, email, null, null);
    }

    /** As {@link #record(String, int, SentEmail)}, keeping the bodies as the recipient saw them (for the console). */
    public void record(String caseId, int statusEpoch, SentEmail email, String textBody, String htmlBody) {
        jdbc.sql("""
                        INSERT INTO sent_email (case_id, kind, recipient, subject, message_id, attachment, sent_at,
                                                status_epoch, text_body, html_body)
                        VALUES (:caseId, :kind, :recipient, :subject, :messageId, :attachment, :sentAt, :epoch,
                                :text, :html)""")
                .param("text", textBody)
                .param("html", htmlBody)
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

    /** An email of a case as the console lists it; the bodies come one at a time ({@link #body}). */
    public record Logged(long id, String kind, String recipient, String subject, String attachment, Instant sentAt,
                         boolean bodyKept) {
    }

    /** The bodies of one email as sent; both null when not kept (sent before they were, or erased with the buyer). */
    public record Body(String subject, String textBody, String htmlBody) {
    }

    public List<Logged> loggedByCase(String caseId) {
        return jdbc.sql("""
                        SELECT id, kind, recipient, subject, attachment, sent_at,
                               (text_body IS NOT NULL OR html_body IS NOT NULL) AS body_kept
                        FROM sent_email WHERE case_id = :id ORDER BY id""")
                .param("id", caseId)
                .query((rs, n) -> new Logged(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("attachment"), rs.getTimestamp("sent_at").toInstant(),
                        rs.getBoolean("body_kept")))
                .list();
    }

    public Optional<Body> body(String caseId, long emailId) {
        return jdbc.sql("SELECT subject, text_body, html_body FROM sent_email WHERE case_id = :case AND id = :id")
                .param("case", caseId)
                .param("id", emailId)
                .query((rs, n) -> new Body(rs.getString("subject"), rs.getString("text_body"),
                        rs.getString("html_body")))
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

package com.returnsgateway.core.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Buyers' replies (and the auto-replies and bounces matched to a case), with their attachments. */
@Repository
public class BuyerReplies {

    /** A reply as stored; {@code isNew} is false when the same message was stored before (a retried exchange). */
    public record Stored(long id, boolean isNew, boolean taskDue) {
    }

    /** An attachment as listed on the case: {@code kept} is false when it was larger than the size cap. */
    public record StoredAttachment(String name, String contentType, long size, boolean kept) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public BuyerReplies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Stored store(String caseId, InboundMail mail, TrackingNumbers.Found tracking, long maxAttachmentSize) {
        Optional<Stored> known = find(mail.key());
        if (known.isPresent()) {
            return known.get();
        }
        long id = jdbc.sql("""
                        INSERT INTO buyer_reply (case_id, message_key, kind, sender, subject, text, tracking_number,
                                                 carrier, received_at)
                        VALUES (:caseId, :key, :kind, :sender, :subject, :text, :number, :carrier, :at)
                        RETURNING id""")
                .param("caseId", caseId)
                .param("key", mail.key())
                .param("kind", mail.kind().name())
                .param("sender", mail.from())
                .param("subject", mail.subject())
                .param("text", mail.text().replace("\u0000", ""))
                .param("number", tracking == null ? null : tracking.number())
                .param("carrier", tracking == null ? null : tracking.carrier())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        for (InboundMail.Attachment a : mail.attachments()) {
            boolean kept = a.content().length <= maxAttachmentSize;
            jdbc.sql("""
                            INSERT INTO buyer_reply_attachment (reply_id, case_id, file_name, content_type, size, content)
                            VALUES (:reply, :caseId, :name, :type, :size, :content)""")
                    .param("reply", id)
                    .param("caseId", caseId)
                    .param("name", a.name())
                    .param("type", a.contentType())
                    .param("size", (long) a.content().length)
                    .param("content", kept ? a.content() : null)
                    .update();
        }
        return new Stored(id, true, mail.kind() == InboundMail.Kind.REPLY);
    }

    public void taskSent(long replyId) {
        jdbc.sql("UPDATE buyer_reply SET task_sent_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", replyId)
                .update();
    }

    public List<StoredAttachment> attachments(long replyId) {
        return jdbc.sql("""
                        SELECT file_name, content_type, size, content IS NOT NULL AS kept
                        FROM buyer_reply_attachment WHERE reply_id = :id ORDER BY id""")
                .param("id", replyId)
                .query((rs, n) -> new StoredAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getBoolean("kept")))
                .list();
    }

    /** The bytes of a kept attachment, by the reply and its position (0-based). */
    public Optional<byte[]> content(long replyId, int index) {
        return jdbc.sql("SELECT content FROM buyer_reply_attachment WHERE reply_id = :id ORDER BY id OFFSET :index LIMIT 1")
                .param("id", replyId)
                .param("index", index)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }

    private Optional<Stored> find(String key) {
        return jdbc.sql("SELECT id, kind, task_sent_at FROM buyer_reply WHERE message_key = :key")
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getLong("id"), false,
                        "REPLY".equals(rs.getString("kind")) && rs.getTimestamp("task_sent_at") == null))
                .optional();
    }
}

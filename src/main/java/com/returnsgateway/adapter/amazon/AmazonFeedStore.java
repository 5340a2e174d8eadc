package com.returnsgateway.adapter.amazon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refund feeds and the refunds in them (tables amazon_feed and amazon_refund): what the feed cycle stores before
 * each step, so that after a crash it knows how far a submission got.
 */
@Repository
public class AmazonFeedStore {

    /** A feed as stored: status BUILT, SUBMITTING, SUBMITTED, or a finished one (DONE, CANCELLED, FATAL, UNCERTAIN). */
    public record Feed(long id, String status, String document, String feedDocumentId, String feedId,
                       Instant submitStartedAt) {
    }

    /** A refund in a feed: its case and MessageID. */
    public record InFeed(String caseId, int messageId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AmazonFeedStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The cases whose refunds wait for a feed, oldest first. */
    public List<String> queued(String account, int limit) {
        return jdbc.sql("""
                        SELECT case_id FROM amazon_refund WHERE account = :account AND status = 'QUEUED'
                        ORDER BY queued_at, case_id LIMIT :limit""")
                .param("account", account)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    public Optional<Instant> lastCreated(String account) {
        return jdbc.sql("SELECT max(created_at) FROM amazon_feed WHERE account = :account")
                .param("account", account)
                .query((rs, n) -> instant(rs.getTimestamp(1)))
                .optional();
    }

    /** Stores the document and moves its refunds from the queue into it, all or nothing. */
    @Transactional
    public long store(String account, String document, Map<String, Integer> messageIds) {
        Instant now = clock.instant();
        long feedRow = jdbc.sql("""
                        INSERT INTO amazon_feed (account, status, document, messages, created_at)
                        VALUES (:account, 'BUILT', :document, :messages, :now) RETURNING id""")
                .param("account", account)
                .param("document", document)
                .param("messages", messageIds.size())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        messageIds.forEach((caseId, messageId) -> {
            int updated = jdbc.sql("""
                            UPDATE amazon_refund SET status = 'IN_FEED', feed = :feed, message_id = :messageId,
                                   submissions = submissions + 1, updated_at = :now
                            WHERE case_id = :caseId AND status = 'QUEUED'""")
                    .param("feed", feedRow)
                    .param("messageId", messageId)
                    .param("now", Timestamp.from(now))
                    .param("caseId", caseId)
                    .update();
            if (updated != 1) {
                throw new IllegalStateException("refund of case " + caseId + " left the queue meanwhile");
            }
        });
        return feedRow;
    }

    /** The account's unfinished feed, if any (one at a time). */
    /**
     * Cases of the account still waiting although Amazon's answer to their refund is stored (the instance that stored
     * it stopped before it woke them), with the answer as the timeline says it.
     */
    public Map<String, String> answeredButWaiting(String account) {
        Map<String, String> answered = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.case_id, r.status, f.feed_id, r.message_id FROM amazon_refund r
                        JOIN return_case c ON c.case_id = r.case_id LEFT JOIN amazon_feed f ON f.id = r.feed
                        WHERE r.account = :account AND r.status IN ('ACCEPTED', 'REJECTED')
                          AND c.status = 'AWAITING_MARKETPLACE'
                        ORDER BY r.case_id""")
                .param("account", account)
                .query((rs, n) -> answered.put(rs.getString("case_id"), "Amazon " + ("ACCEPTED".equals(
                        rs.getString("status")) ? "accepted" : "rejected") + " the refund (feed "
                        + rs.getString("feed_id") + ", message " + rs.getObject("message_id") + ")"))
                .list();
        return answered;
    }

    public Optional<Feed> open(String account) {
        return jdbc.sql("SELECT * FROM amazon_feed WHERE account = :account AND finished_at IS NULL ORDER BY id LIMIT 1")
                .param("account", account)
                .query((rs, n) -> feed(rs))
                .optional();
    }

    public Feed get(long feedRow) {
        return jdbc.sql("SELECT * FROM amazon_feed WHERE id = :id")
                .param("id", feedRow)
                .query((rs, n) -> feed(rs))
                .single();
    }

    public void uploaded(long feedRow, String feedDocumentId) {
        jdbc.sql("UPDATE amazon_feed SET feed_document_id = :documentId WHERE id = :id AND status = 'BUILT'")
                .param("documentId", feedDocumentId)
                .param("id", feedRow)
                .update();
    }

    /** Stored before createFeed is sent: from here on, whether Amazon has the feed is not known until it says. */
    public void submitting(long feedRow) {
        jdbc.sql("UPDATE amazon_feed SET status = 'SUBMITTING', submit_started_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", feedRow)
                .update();
    }

    public void submitted(long feedRow, String feedId) {
        jdbc.sql("UPDATE amazon_feed SET status = 'SUBMITTED', feed_id = :feedId WHERE id = :id")
                .param("feedId", feedId)
                .param("id", feedRow)
                .update();
    }

    /** The one feed Amazon lists that may be this one; recorded so that it counts as known, not as proof. */
    public void suspected(long feedRow, String feedId) {
        jdbc.sql("UPDATE amazon_feed SET feed_id = :feedId WHERE id = :id")
                .param("feedId", feedId)
                .param("id", feedRow)
                .update();
    }

    /** Amazon does not have it: the stored document is submitted again. */
    public void backToBuilt(long feedRow) {
        jdbc.sql("UPDATE amazon_feed SET status = 'BUILT' WHERE id = :id")
                .param("id", feedRow)
                .update();
    }

    /** Feed ids the gateway holds; Amazon's ids are unique across accounts. */
    public Set<String> knownFeedIds() {
        return new HashSet<>(jdbc.sql("SELECT feed_id FROM amazon_feed WHERE feed_id IS NOT NULL")
                .query(String.class).list());
    }

    public void processingStatus(long feedRow, String status) {
        jdbc.sql("UPDATE amazon_feed SET processing_status = :status WHERE id = :id")
                .param("status", status)
                .param("id", feedRow)
                .update();
    }

    public List<InFeed> refundsIn(long feedRow) {
        return jdbc.sql("SELECT case_id, message_id FROM amazon_refund WHERE feed = :feed AND status = 'IN_FEED'")
                .param("feed", feedRow)
                .query((rs, n) -> new InFeed(rs.getString("case_id"), rs.getInt("message_id")))
                .list();
    }

    /** Amazon's answer for one refund: ACCEPTED, or REJECTED with its code and message. */
    public void result(String caseId, String status, String code, String message) {
        jdbc.sql("""
                        UPDATE amazon_refund SET status = :status, result_code = :code, result_message = :message,
                               reported = FALSE, updated_at = :now WHERE case_id = :caseId""")
                .param("status", status)
                .param("code", code)
                .param("message", message)
                .param("now", Timestamp.from(clock.instant()))
                .param("caseId", caseId)
                .update();
    }

    /** A cancelled feed moved no money: its refunds wait for the next one. */
    public void requeue(long feedRow) {
        jdbc.sql("""
                        UPDATE amazon_refund SET status = 'QUEUED', feed = NULL, message_id = NULL, updated_at = :now
                        WHERE feed = :feed AND status = 'IN_FEED'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("feed", feedRow)
                .update();
    }

    public void finished(long feedRow, String status, String message) {
        jdbc.sql("UPDATE amazon_feed SET status = :status, message = :message, finished_at = :now WHERE id = :id")
                .param("status", status)
                .param("message", message)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", feedRow)
                .update();
    }

    public void done(long feedRow, int accepted, int rejected) {
        jdbc.sql("""
                        UPDATE amazon_feed SET status = 'DONE', accepted = :accepted, rejected = :rejected,
                               finished_at = :now WHERE id = :id""")
                .param("accepted", accepted)
                .param("rejected", rejected)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", feedRow)
                .update();
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        return new Feed(rs.getLong("id"), rs.getString("status"), rs.getString("document"),
                rs.getString("feed_document_id"), rs.getString("feed_id"), instant(rs.getTimestamp("submit_started_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

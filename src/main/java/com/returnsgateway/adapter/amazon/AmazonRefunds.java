package com.returnsgateway.adapter.amazon;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.refund.RefundRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The settle step for a refund to Amazon. Amazon takes refunds only in batches (the payment adjustment feed), so the
 * step queues the refund and the case waits in AWAITING_MARKETPLACE; the feed cycle wakes it with Amazon's answer.
 * Then an accepted refund is marked sent and settling goes on (buyer email, REFUNDED); a rejected one goes to manual
 * review with Amazon's message. A retry by an operator after a rejection queues the refund again.
 */
@Component
public class AmazonRefunds {

    /** Where a case's refund stands with Amazon. */
    public enum Status {
        QUEUED,
        IN_FEED,
        ACCEPTED,
        REJECTED
    }

    /**
     * The refund with Amazon: the feed (Amazon's feed id once submitted) and MessageID it went in, how many feeds
     * carried it, Amazon's result once answered.
     */
    public record AmazonRefund(String caseId, String account, Status status, String feedId, Integer messageId,
                               int submissions, String resultCode, String resultMessage, boolean reported) {
    }

    private final JdbcClient jdbc;
    private final Cases cases;
    private final RefundRepository refunds;
    private final Clock clock;

    public AmazonRefunds(JdbcClient jdbc, Cases cases, RefundRepository refunds, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.refunds = refunds;
        this.clock = clock;
    }

    /**
     * Sets {@code refundQueued}: true when the case now waits for a feed, false when the refund was accepted. Not one
     * transaction: a rejection must stay marked as reported although the step fails.
     */
    public void settle(@Variable("caseId") String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        Optional<AmazonRefund> current = find(caseId);
        if (current.isEmpty()) {
            queue(caseId, returnCase.marketplace());
            wait(exchange, caseId, "queued for the next Amazon refund feed");
            return;
        }
        AmazonRefund refund = current.get();
        switch (refund.status()) {
            case QUEUED, IN_FEED -> wait(exchange, caseId, "waiting for Amazon's answer to its refund feed");
            case ACCEPTED -> {
                String reference = "feed " + feedId(refund) + " message " + refund.messageId();
                refunds.markSent(caseId, reference, clock.instant());
                RefundInstruction instruction = refunds.findByCase(caseId).orElseThrow();
                cases.record(caseId, "amazon " + refund.account(), "REFUND", instruction.type() + " refund of "
                        + instruction.amount() + " accepted by Amazon (" + reference + ")", "SENT");
                exchange.setVariable("refundQueued", false);
            }
            case REJECTED -> {
                if (refund.reported()) {
                    requeue(caseId);
                    wait(exchange, caseId, "queued again for the next Amazon refund feed after a retry");
                    return;
                }
                markReported(caseId);
                throw RemoteCallException.permanent("Amazon rejected the refund in feed " + feedId(refund)
                        + " (message " + refund.messageId() + ")"
                        + (refund.resultCode() == null ? "" : ", code " + refund.resultCode()) + ": "
                        + refund.resultMessage());
            }
        }
    }

    public Optional<AmazonRefund> find(String caseId) {
        return jdbc.sql("""
                        SELECT r.*, f.feed_id FROM amazon_refund r LEFT JOIN amazon_feed f ON f.id = r.feed
                        WHERE r.case_id = :id""")
                .param("id", caseId)
                .query((rs, n) -> new AmazonRefund(rs.getString("case_id"), rs.getString("account"),
                        Status.valueOf(rs.getString("status")), rs.getString("feed_id"),
                        (Integer) rs.getObject("message_id"), rs.getInt("submissions"), rs.getString("result_code"),
                        rs.getString("result_message"), rs.getBoolean("reported")))
                .optional();
    }

    private void wait(Exchange exchange, String caseId, String why) {
        ReturnCase returnCase = cases.get(caseId);
        if (returnCase.status() == CaseStatus.REFUND_PENDING) {
            RefundInstruction instruction = refunds.findByCase(caseId).orElseThrow();
            cases.moveTo(caseId, CaseStatus.AWAITING_MARKETPLACE, "Refund of " + instruction.amount() + " " + why);
        }
        exchange.setVariable("refundQueued", true);
    }

    private void queue(String caseId, String account) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO amazon_refund (case_id, account, status, queued_at, updated_at)
                        VALUES (:id, :account, 'QUEUED', :now, :now) ON CONFLICT (case_id) DO NOTHING""")
                .param("id", caseId)
                .param("account", account)
                .param("now", Timestamp.from(now))
                .update();
    }

    private void requeue(String caseId) {
        jdbc.sql("""
                        UPDATE amazon_refund SET status = 'QUEUED', feed = NULL, message_id = NULL, result_code = NULL,
                               result_message = NULL, reported = FALSE, queued_at = :now, updated_at = :now
                        WHERE case_id = :id AND status = 'REJECTED'""")
                .param("id", caseId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private void markReported(String caseId) {
        jdbc.sql("UPDATE amazon_refund SET reported = TRUE WHERE case_id = :id")
                .param("id", caseId)
                .update();
    }

    private static String feedId(AmazonRefund refund) {
        return refund.feedId() == null ? "(not submitted)" : refund.feedId();
    }
}

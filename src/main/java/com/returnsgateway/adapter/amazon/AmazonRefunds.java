package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.format.RefundEvents;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.MarketplacePort;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refunds to an Amazon account (the marketplace port of {@code type: amazon}). Amazon takes refunds only in batches
 * (the payment adjustment feed), so a refund is queued and the case waits in AWAITING_MARKETPLACE; the feed cycle
 * wakes it with Amazon's answer. Then an accepted refund is reported accepted and settling goes on (buyer email,
 * REFUNDED); a rejected one goes to manual review with Amazon's message. A retry by an operator after a rejection
 * queues the refund again.
 */
@Component
public class AmazonRefunds implements MarketplacePort {

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
    public record AmazonRefund(String caseId, String account, Status status, @Nullable String feedId,
                               @Nullable Integer messageId, int submissions, @Nullable String resultCode,
                               @Nullable String resultMessage, boolean reported) {
    }

    /** result_code of a refund found already paid in Amazon's financial events, so none was sent. */
    public static final String ALREADY_PAID = "ALREADY_PAID";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AmazonFinances finances;
    private final RefundAdjustments adjustments;

    public AmazonRefunds(JdbcClient jdbc, Clock clock, AmazonFinances finances, RefundAdjustments adjustments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.finances = finances;
        this.adjustments = adjustments;
    }

    /**
     * Only for a case whose refund the gateway has no record of with Amazon (a return read again into a lost or new
     * database looks like that): Amazon's financial events for the order, less what the gateway's other refunds of
     * the order account for. Covering this refund: accepted and recorded as found paid, nothing sent. Covering part
     * of it: not paid, the case goes to manual review. None: empty, the refund is queued as usual.
     */
    @Override
    public Optional<RefundAnswer> alreadyRefunded(ReturnCase returnCase, RefundInstruction refund) {
        String caseId = returnCase.caseId();
        if (find(caseId).isPresent()) {
            return Optional.empty(); // queued or sent by this gateway: the feed's answer settles it
        }
        String account = returnCase.marketplace();
        String orderId = returnCase.request().orderId();
        List<RefundEvents.Event> events = finances.refundEvents(account, orderId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        RefundCoverage.Verdict verdict = RefundCoverage.judge(orderId, adjustments.principalBySku(account, caseId),
                otherRefundsOfOrder(account, orderId, caseId), events);
        if (verdict instanceof RefundCoverage.PartlyPaid partly) {
            throw RemoteCallException.permanent(partly.problem());
        }
        if (verdict instanceof RefundCoverage.Paid paid) {
            recordFoundPaid(caseId, account, paid);
            return Optional.of(RefundAnswer.accepted(paid.reference(), paid.note()));
        }
        return Optional.empty();
    }

    /** The Principal per SKU of this gateway's other refunds of the order that went to Amazon. */
    private Map<String, Money> otherRefundsOfOrder(String account, String orderId, String caseId) {
        List<String> others = jdbc.sql("""
                        SELECT r.case_id FROM amazon_refund r JOIN return_case c ON c.case_id = r.case_id
                        WHERE r.account = :account AND c.order_id = :orderId AND r.case_id <> :caseId
                          AND r.status IN ('IN_FEED', 'ACCEPTED')""")
                .param("account", account)
                .param("orderId", orderId)
                .param("caseId", caseId)
                .query(String.class).list();
        Map<String, Money> principal = new HashMap<>();
        others.forEach(other -> adjustments.principalBySku(account, other)
                .forEach((sku, amount) -> principal.merge(sku, amount, Money::plus)));
        return principal;
    }

    private void recordFoundPaid(String caseId, String account, RefundCoverage.Paid paid) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO amazon_refund (case_id, account, status, result_code, result_message, queued_at,
                                                   updated_at)
                        VALUES (:id, :account, 'ACCEPTED', :code, :message, :now, :now)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("id", caseId)
                .param("account", account)
                .param("code", ALREADY_PAID)
                .param("message", paid.note())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The refund with Amazon: queued for the next feed (the case waits for the feed's answer), accepted, or refused
     * with Amazon's message. Not one transaction: a rejection must stay marked as reported although the step fails.
     */
    @Override
    public RefundAnswer refund(ReturnCase returnCase, RefundInstruction instruction) {
        String caseId = returnCase.caseId();
        Optional<AmazonRefund> current = find(caseId);
        if (current.isEmpty()) {
            queue(caseId, returnCase.marketplace());
            return RefundAnswer.later("queued for the next Amazon refund feed");
        }
        AmazonRefund refund = current.get();
        return switch (refund.status()) {
            case QUEUED, IN_FEED -> RefundAnswer.later("waiting for Amazon's answer to its refund feed");
            case ACCEPTED -> {
                if (ALREADY_PAID.equals(refund.resultCode())) {
                    // found paid before the step could record it: the same answer again, still nothing sent
                    yield RefundAnswer.accepted("Amazon financial events", refund.resultMessage());
                }
                String reference = "feed " + feedId(refund) + " message " + refund.messageId();
                yield RefundAnswer.accepted(reference, "accepted by Amazon (" + reference + ")");
            }
            case REJECTED -> {
                if (refund.reported()) {
                    requeue(caseId);
                    yield RefundAnswer.later("queued again for the next Amazon refund feed after a retry");
                }
                markReported(caseId);
                // a report that did not cover the feed, or a feed that may not have arrived, proves neither payment
                // nor refusal: say so, not "rejected"
                String lead = AmazonRefundFeeds.UNVERIFIED.equals(refund.resultCode())
                        || AmazonRefundFeeds.UNCERTAIN.equals(refund.resultCode())
                        ? "Not known whether Amazon paid the refund in feed " : "Amazon rejected the refund in feed ";
                throw RemoteCallException.permanent(lead + feedId(refund)
                        + " (message " + refund.messageId() + ")"
                        + (refund.resultCode() == null ? "" : ", code " + refund.resultCode()) + ": "
                        + refund.resultMessage());
            }
        };
    }

    @Override
    public String type() {
        return AmazonAccounts.TYPE;
    }

    /** The feed cycle tells of Amazon's answer when the processing report brings it ({@link AmazonRefundFeeds}). */
    @Override
    public boolean answersLater() {
        return true;
    }

    @Override
    public Optional<Object> refundDetails(String caseId) {
        return find(caseId).map(Object.class::cast);
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

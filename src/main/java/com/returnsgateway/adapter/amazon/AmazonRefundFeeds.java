package com.returnsgateway.adapter.amazon;

import static com.returnsgateway.core.RouteVariables.ACCOUNT;
import static com.returnsgateway.core.RouteVariables.FEED_ALERT;
import static com.returnsgateway.core.RouteVariables.FEED_PROCESSING_STATUS;
import static com.returnsgateway.core.RouteVariables.FEED_ROW;
import static com.returnsgateway.core.RouteVariables.FEED_STATUS;
import static com.returnsgateway.core.RouteVariables.FEED_STEPS_TAKEN;
import static com.returnsgateway.core.RouteVariables.RESULT_FEED_DOCUMENT_ID;

import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.adapter.amazon.api.SpApiOperation;
import com.returnsgateway.adapter.amazon.AmazonFeedStore.Feed;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed;
import com.returnsgateway.adapter.amazon.format.ProcessingReport;
import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.cluster.WorkLeases;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.refund.RefundEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The refund feed cycle of each Amazon account, a step per feed status. Queued refunds are batched into one
 * OrderAdjustment document (createFeed allows one feed per two minutes), which is stored before it is uploaded;
 * the feed's status says how far the submission got (BUILT, SUBMITTING, SUBMITTED), so after a crash the gateway
 * either submits it, asks Amazon's feed list whether the lost createFeed may have gone through (and submits it again
 * only when it cannot have), or follows it. A refund is in one feed at a time and only a cancelled feed's refunds
 * are queued again: money goes once. When a processing report that covers the feed arrives, each refund is marked
 * accepted or rejected with Amazon's message and its case wakes up.
 */
@Component
public class AmazonRefundFeeds {

    static final String FEED_TYPE = "POST_PAYMENT_ADJUSTMENT_DATA";
    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    /** The result code of refunds whose feed's processing report did not account for every message sent. */
    public static final String UNVERIFIED = "REPORT_MISMATCH";
    /** The result code of refunds whose feed may or may not have reached Amazon (a lost createFeed answer). */
    public static final String UNCERTAIN = "FEED_UNCERTAIN";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(AmazonRefundFeeds.class);

    private final SpApiClient client;
    private final RefundAdjustments adjustments;
    private final Cases cases;
    private final AmazonAccounts accounts;
    private final AmazonFeedStore store;
    private final TransactionTemplate transaction;
    private final WorkLeases leases;
    private final RefundEvents refundEvents;
    private final Clock clock;
    private final Duration feedListDelay;

    public AmazonRefundFeeds(SpApiClient client, RefundAdjustments adjustments, Cases cases,
                             AmazonAccounts accounts, AmazonFeedStore store, TransactionTemplate transaction,
                             WorkLeases leases, RefundEvents refundEvents, Clock clock,
                             AmazonConfiguration.AmazonApiProperties api) {
        this.client = client;
        this.adjustments = adjustments;
        this.cases = cases;
        this.accounts = accounts;
        this.store = store;
        this.transaction = transaction;
        this.leases = leases;
        this.refundEvents = refundEvents;
        this.clock = clock;
        this.feedListDelay = api.feedListDelay();
    }

    /**
     * Sets {@code feedRow} and {@code feedStatus} to the account's open feed (BUILT, SUBMITTING or SUBMITTED), or
     * {@code feedStatus} NONE when there is none, or ELSEWHERE when another instance runs this cycle. The tick
     * starts with no step taken ({@link #goesOn}).
     */
    public void open(@Variable(ACCOUNT) String account, Exchange exchange) {
        exchange.setVariable(FEED_ROW, null);
        exchange.setVariable(FEED_STEPS_TAKEN, new HashSet<String>());
        if (!leases.acquire("amazon-feed:" + account, LEASE)) {
            exchange.setVariable(FEED_STATUS, "ELSEWHERE");
            return;
        }
        // an answer stored just before a crash: its case wakes now (waking is a step of its own after the commit)
        store.answeredButWaiting(account).forEach(this::wake);
        Optional<Feed> open = store.open(account);
        exchange.setVariable(FEED_STATUS, open.map(Feed::status).orElse("NONE"));
        exchange.setVariable(FEED_ROW, open.map(Feed::id).orElse(null));
    }

    /**
     * Whether the cycle takes another step in this tick, the step of {@code feedStatus}: yes unless another instance
     * holds the cycle or that status's step has run in this tick already. So a step that moves the feed on (NONE to
     * BUILT, SUBMITTING to BUILT, BUILT to SUBMITTED...) is followed at once by the next, and one that leaves the
     * status as it was (nothing to batch, createFeed's rate spent, Amazon still processing) ends the tick. No step
     * runs twice, so a tick takes one step per status at most.
     */
    public boolean goesOn(@Variable(FEED_STATUS) String status, @Variable(FEED_STEPS_TAKEN) Set<String> taken) {
        return !"ELSEWHERE".equals(status) && taken.add(status);
    }

    /**
     * Batches the queued refunds into a new feed document when it is time for one: refunds are waiting,
     * {@code feed-interval} has passed since the last feed and createFeed's rate allows a call now.
     */
    public void batch(@Variable(ACCOUNT) String account, Exchange exchange) {
        AmazonAccount amazon = accounts.get(account);
        List<String> queued = store.queued(account, amazon.maxRefundsPerFeed());
        if (queued.isEmpty() || !client.canCallNow(account, SpApiOperation.CREATE_FEED)) {
            return;
        }
        Optional<Instant> last = store.lastCreated(account);
        if (last.isPresent() && clock.instant().isBefore(last.get().plus(amazon.feedInterval()))) {
            return;
        }
        requireSellerId(account, amazon);
        List<OrderAdjustmentFeed.Message> messages = new ArrayList<>();
        Map<String, Integer> messageIds = new LinkedHashMap<>();
        for (String caseId : queued) {
            int messageId = messages.size() + 1;
            try {
                OrderAdjustmentFeed.Message message = adjustments.message(account, caseId, messageId);
                OrderAdjustmentFeed.requireValid(message);
                messages.add(message);
                messageIds.put(caseId, messageId);
            } catch (IllegalArgumentException | IllegalStateException e) {
                rejectBeforeSending(caseId, e.getMessage());
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        String document = OrderAdjustmentFeed.build(amazon.sellerId(), messages);
        long feedRow = store.store(account, document, messageIds);
        exchange.setVariable(FEED_ROW, feedRow);
        exchange.setVariable(FEED_STATUS, "BUILT");
        log.info("Amazon {}: refund feed document (row {}) built with {} refund(s)", account, feedRow,
                messages.size());
    }

    /** createFeedDocument and the upload of the stored document to its pre-signed URL. */
    public void upload(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow) {
        Feed feed = store.get(feedRow);
        if (feed.feedDocumentId() != null) {
            return; // uploaded before; Amazon keeps the document, only its upload URL expires
        }
        SpApiClient.Response created = client.post(account, SpApiOperation.CREATE_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents", Map.of("contentType", CONTENT_TYPE));
        String documentId = created.text("feedDocumentId");
        String url = created.text("url");
        if (documentId == null || url == null) {
            throw new SpApiException("Amazon " + account + " createFeedDocument answered without feedDocumentId or"
                    + " url", true, null, created.status(), null);
        }
        client.upload(account, url, CONTENT_TYPE, feed.document().getBytes(StandardCharsets.UTF_8),
                "refund feed document " + documentId);
        store.uploaded(feedRow, documentId);
    }

    /**
     * createFeed: the call that moves money. SUBMITTING is stored first; if the answer is lost, the next tick asks
     * Amazon's feed list instead of submitting blindly again. Sets {@code feedStatus}.
     */
    public void submit(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow, Exchange exchange) {
        if (!client.canCallNow(account, SpApiOperation.CREATE_FEED)) {
            return; // createFeed's rate is spent: the feed waits, uploaded, for the next tick
        }
        Feed feed = store.get(feedRow);
        store.submitting(feedRow);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feedType", FEED_TYPE);
        body.put("marketplaceIds", accounts.get(account).marketplaceIds());
        body.put("inputFeedDocumentId", feed.feedDocumentId());
        SpApiClient.Response response;
        try {
            response = client.post(account, SpApiOperation.CREATE_FEED, "/feeds/2021-06-30/feeds", body);
        } catch (SpApiException e) {
            if (e.status() == 429 || e.status() == 400 || e.status() == 404) {
                // Amazon answered, and did not create it: build on the same document next time
                store.backToBuilt(feedRow);
                exchange.setVariable(FEED_STATUS, "BUILT");
            }
            throw e;
        }
        String feedId = response.text("feedId");
        if (feedId == null) {
            throw new SpApiException("Amazon " + account + " createFeed answered without a feedId", true, null,
                    response.status(), null);
        }
        store.submitted(feedRow, feedId);
        log.info("Amazon {}: refund feed {} submitted", account, feedId);
        exchange.setVariable(FEED_STATUS, "SUBMITTED");
    }

    /**
     * A createFeed whose answer was lost: Amazon's feed list since then tells whether it may have gone through. A
     * feed counts as this one only if it is known to have been made from this feed's document, and Amazon's feed list
     * does not say which document a feed was made from (its Feed has no inputFeedDocumentId). So a feed there that
     * the gateway does not know is never taken for this one: the refunds go to operators rather than risk adopting
     * another feed's report or paying twice. None, once {@code feed-list-delay} has passed since the attempt, means
     * it was not created, and the document is submitted again.
     */
    public void reconcile(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow,
                          Exchange exchange) {
        Feed feed = store.get(feedRow);
        Instant attempted = feed.submitStartedAt() == null ? clock.instant() : feed.submitStartedAt();
        Instant since = attempted.minus(Duration.ofMinutes(5));
        Set<String> known = store.knownFeedIds();
        List<String> unknown = new ArrayList<>();
        String page = "/feeds/2021-06-30/feeds?feedTypes=" + FEED_TYPE + "&createdSince=" + SpApiClient.encode(since.toString());
        while (page != null) {
            JsonNode listed = client.get(account, SpApiOperation.GET_FEEDS, page).json();
            for (JsonNode item : listed.path("feeds")) {
                String id = item.path("feedId").asString(null);
                if (id != null && !known.contains(id)) {
                    unknown.add(id);
                }
            }
            String next = listed.path("nextToken").asString(null);
            // Amazon: with a nextToken, the other parameters must be left out
            page = next == null || next.isBlank() ? null : "/feeds/2021-06-30/feeds?nextToken=" + SpApiClient.encode(next);
        }
        if (unknown.isEmpty() && clock.instant().isBefore(attempted.plus(feedListDelay))) {
            // a feed created a moment ago may not be listed yet: "none" is trusted only once the list has caught up
            log.info("Amazon {}: the lost createFeed of row {} is not in Amazon's feed list yet; asking again before"
                    + " submitting anything", account, feedRow);
        } else if (unknown.isEmpty()) {
            log.info("Amazon {}: the lost createFeed of row {} did not reach Amazon; it is submitted again", account,
                    feedRow);
            store.backToBuilt(feedRow);
            exchange.setVariable(FEED_STATUS, "BUILT");
        } else {
            String message = "Could not tell whether Amazon received refund feed row " + feedRow + " (document "
                    + feed.feedDocumentId() + "): its createFeed answer was lost and Amazon lists " + unknown.size()
                    + " feed(s) the gateway does not know (" + String.join(", ", unknown) + "), and Amazon's feed"
                    + " list does not say which document a feed was made from. Check in Seller Central whether these"
                    + " refunds were paid before retrying the cases.";
            if (unknown.size() == 1) {
                // kept as this row's suspect, so it is not taken for unknown again by a later lost answer
                store.suspected(feedRow, unknown.get(0));
            }
            finishWithRejections(feedRow, "UNCERTAIN", message, UNCERTAIN);
            exchange.setVariable(FEED_STATUS, "UNCERTAIN");
            exchange.setVariable(FEED_ALERT, message);
        }
    }

    /** getFeed: sets {@code feedProcessingStatus} (IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL). */
    public void poll(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow, Exchange exchange) {
        Feed feed = store.get(feedRow);
        SpApiClient.Response response = client.get(account, SpApiOperation.GET_FEED,
                "/feeds/2021-06-30/feeds/" + SpApiClient.encode(feed.feedId()));
        String status = response.text("processingStatus");
        store.processingStatus(feedRow, status);
        exchange.setVariable(FEED_PROCESSING_STATUS, status);
        exchange.setVariable(RESULT_FEED_DOCUMENT_ID, response.text("resultFeedDocumentId"));
    }

    /**
     * DONE: reads the processing report and marks each refund accepted or rejected; their cases wake up. Only a report
     * that accounts for every message sent is believed ({@link ProcessingReport#coverageProblem}); otherwise every
     * refund of the feed goes to manual review naming the mismatch, and {@code feedAlert} is set for operations.
     */
    public void applyProcessingReport(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow,
                                      @Variable(RESULT_FEED_DOCUMENT_ID) String resultDocumentId,
                                      Exchange exchange) {
        Feed feed = store.get(feedRow);
        ProcessingReport report = processingReport(account, resultDocumentId);
        List<AmazonFeedStore.InFeed> refunds = store.refundsIn(feedRow);
        Optional<String> mismatch = report.coverageProblem(refunds.stream().map(AmazonFeedStore.InFeed::messageId)
                .toList());
        if (mismatch.isPresent()) {
            String message = "Amazon's processing report for refund feed " + feed.feedId() + " does not cover the "
                    + refunds.size() + " refund(s) sent: " + mismatch.get() + ". Whether they were paid is not"
                    + " known: check in Seller Central before retrying the cases.";
            log.warn("Amazon {}: {}", account, message);
            finishWithRejections(feedRow, "UNVERIFIED", message, UNVERIFIED);
            exchange.setVariable(FEED_ALERT, message);
            return;
        }
        Map<String, String> woken = transaction.execute(status -> {
            int accepted = 0;
            int rejected = 0;
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (AmazonFeedStore.InFeed refund : refunds) {
                String where = "feed " + feed.feedId() + ", message " + refund.messageId();
                if (report.accepted(refund.messageId())) {
                    store.result(refund.caseId(), "ACCEPTED", null, null);
                    outcomes.put(refund.caseId(), "Amazon accepted the refund (" + where + ")");
                    refundEvents.publish(refund.caseId(), CaseEvent.Type.REFUND_ACCEPTED,
                            "Amazon accepted the refund (" + where + ")");
                    accepted++;
                } else {
                    ProcessingReport.Result error = report.errorsByMessageId().getOrDefault(refund.messageId(),
                            report.errorsByMessageId().get(ProcessingReport.DOCUMENT));
                    store.result(refund.caseId(), "REJECTED", error.resultMessageCode(), error.description());
                    outcomes.put(refund.caseId(), "Amazon rejected the refund (" + where + ")");
                    refundEvents.publish(refund.caseId(), CaseEvent.Type.REFUND_REJECTED, "Amazon rejected the refund ("
                            + where + "), code " + error.resultMessageCode() + ": " + error.description());
                    rejected++;
                }
            }
            store.done(feedRow, accepted, rejected);
            log.info("Amazon {}: refund feed {} processed: {} accepted, {} rejected", account, feed.feedId(),
                    accepted, rejected);
            return outcomes;
        });
        woken.forEach(this::wake);
    }

    /** CANCELLED: Amazon did not process the feed, so none of its refunds moved; they are queued again. */
    public void cancelled(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow) {
        transaction.executeWithoutResult(status -> {
            store.requeue(feedRow);
            store.finished(feedRow, "CANCELLED", "Amazon cancelled the feed; its refunds are queued again");
        });
        log.warn("Amazon {}: refund feed row {} was CANCELLED by Amazon; its refunds go in the next feed", account,
                feedRow);
    }

    /** FATAL: Amazon could not process the feed. Its refunds go to manual review; returns the alert text. */
    public String failed(@Variable(ACCOUNT) String account, @Variable(FEED_ROW) long feedRow,
                         @Variable(RESULT_FEED_DOCUMENT_ID) String resultDocumentId) {
        Feed feed = store.get(feedRow);
        String detail = "";
        if (resultDocumentId != null) {
            try {
                ProcessingReport report = processingReport(account, resultDocumentId);
                detail = report.results().stream().map(ProcessingReport.Result::description).findFirst()
                        .map(d -> " Amazon said: " + d).orElse("");
            } catch (RuntimeException e) {
                detail = " (its processing report could not be read: " + e.getMessage() + ")";
            }
        }
        String message = "Amazon could not process refund feed " + feed.feedId() + " (FATAL)." + detail
                + " Its refunds are in manual review; none of them was paid.";
        finishWithRejections(feedRow, "FATAL", message, "FATAL");
        return message;
    }

    /** A refund that cannot go into a feed at all (its order or items unknown to Amazon): to manual review. */
    private void rejectBeforeSending(String caseId, String reason) {
        transaction.executeWithoutResult(tx -> {
            store.result(caseId, "REJECTED", null, "not sent to Amazon: " + reason);
            refundEvents.publish(caseId, CaseEvent.Type.REFUND_REJECTED, "not sent to Amazon: " + reason);
        });
        wake(caseId, "The refund could not be sent to Amazon");
    }

    private void finishWithRejections(long feedRow, String status, String message, String code) {
        List<String> caseIds = transaction.execute(tx -> {
            List<String> ids = store.refundsIn(feedRow).stream().map(AmazonFeedStore.InFeed::caseId).toList();
            ids.forEach(caseId -> {
                store.result(caseId, "REJECTED", code, message);
                // whether a refund of an unverified or uncertain feed was paid is not known: no "rejected" is told of
                // (its case goes to manual review, which is); a FATAL feed paid none
                if (!UNVERIFIED.equals(code) && !UNCERTAIN.equals(code)) {
                    refundEvents.publish(caseId, CaseEvent.Type.REFUND_REJECTED, code + ": " + message);
                }
            });
            store.finished(feedRow, status, message);
            return ids;
        });
        caseIds.forEach(caseId -> wake(caseId, message));
    }

    private void wake(String caseId, String why) {
        if (cases.get(caseId).status() == CaseStatus.AWAITING_MARKETPLACE) {
            cases.moveTo(caseId, CaseStatus.REFUND_PENDING, why);
        }
    }

    private ProcessingReport processingReport(String account, String resultDocumentId) {
        if (resultDocumentId == null) {
            throw new SpApiException("Amazon " + account + " feed is DONE without a resultFeedDocumentId", true, null,
                    200, null);
        }
        byte[] document = client.document(account, SpApiOperation.GET_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents/" + SpApiClient.encode(resultDocumentId), "processing report " + resultDocumentId);
        try {
            // bytes, not text: the report's XML declaration says its encoding
            return ProcessingReport.parse(document);
        } catch (IllegalArgumentException e) {
            throw new SpApiException("Amazon " + account + " processing report " + resultDocumentId
                    + " could not be read: " + e.getMessage(), false, null, 200, null);
        }
    }

    private static void requireSellerId(String account, AmazonAccount amazon) {
        if (amazon.sellerId() == null || amazon.sellerId().isBlank()) {
            throw new IllegalStateException("Amazon account " + account + " has no seller-id (the MerchantIdentifier"
                    + " of refund feeds): set gateway.marketplaces." + account + ".amazon.seller-id");
        }
    }
}

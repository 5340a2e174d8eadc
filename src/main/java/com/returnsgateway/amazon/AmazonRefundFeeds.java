package com.returnsgateway.amazon;

import com.returnsgateway.amazon.api.SpApiClient;
import com.returnsgateway.amazon.api.SpApiException;
import com.returnsgateway.amazon.api.SpApiOperation;
import com.returnsgateway.amazon.format.OrderAdjustmentFeed;
import com.returnsgateway.amazon.format.ProcessingReport;
import com.returnsgateway.amazon.format.RefundAllocation;
import com.returnsgateway.cases.Cases;
import com.returnsgateway.cluster.WorkLeases;
import com.returnsgateway.config.GatewayProperties;
import com.returnsgateway.model.CaseStatus;
import com.returnsgateway.model.Money;
import com.returnsgateway.model.RefundInstruction;
import com.returnsgateway.model.RefundReason;
import com.returnsgateway.model.ReturnCase;
import com.returnsgateway.model.ReturnItem;
import com.returnsgateway.refund.RefundRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
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
import java.util.zip.GZIPInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The refund feed cycle of each Amazon account, one step per tick. Queued refunds are batched into one
 * OrderAdjustment document (createFeed allows one feed per two minutes), which is stored before it is uploaded;
 * the feed's status says how far the submission got (BUILT, SUBMITTING, SUBMITTED), so after a crash the gateway
 * either submits it, finds out from Amazon's feed list whether the lost createFeed went through, or follows it.
 * A refund is in one feed at a time and only a cancelled feed's refunds are queued again: money goes once.
 * When the processing report arrives, each refund is marked accepted or rejected with Amazon's message and its case
 * wakes up.
 */
@Component
public class AmazonRefundFeeds {

    static final String FEED_TYPE = "POST_PAYMENT_ADJUSTMENT_DATA";
    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(AmazonRefundFeeds.class);

    private final SpApiClient client;
    private final AmazonOrders orders;
    private final Cases cases;
    private final RefundRepository refunds;
    private final GatewayProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final WorkLeases leases;
    private final Clock clock;

    public AmazonRefundFeeds(SpApiClient client, AmazonOrders orders, Cases cases, RefundRepository refunds,
                             GatewayProperties properties, JdbcClient jdbc, TransactionTemplate transaction,
                             WorkLeases leases, Clock clock) {
        this.client = client;
        this.orders = orders;
        this.cases = cases;
        this.refunds = refunds;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.leases = leases;
        this.clock = clock;
    }

    private record Feed(long id, String status, String document, String feedDocumentId, String feedId,
                        Instant submitStartedAt) {
    }

    /**
     * Sets {@code feedRow} and {@code feedStatus} to the account's open feed (BUILT, SUBMITTING or SUBMITTED), or
     * {@code feedStatus} NONE when there is none, or ELSEWHERE when another instance runs this cycle.
     */
    public void open(@Variable("account") String account, Exchange exchange) {
        exchange.setVariable("feedRow", null);
        if (!leases.acquire("amazon-feed:" + account, LEASE)) {
            exchange.setVariable("feedStatus", "ELSEWHERE");
            return;
        }
        Optional<Feed> open = openFeed(account);
        exchange.setVariable("feedStatus", open.map(Feed::status).orElse("NONE"));
        exchange.setVariable("feedRow", open.map(Feed::id).orElse(null));
    }

    /**
     * Batches the queued refunds into a new feed document when it is time for one: refunds are waiting,
     * {@code feed-interval} has passed since the last feed and createFeed's rate allows a call now.
     */
    public void batch(@Variable("account") String account, Exchange exchange) {
        GatewayProperties.Amazon amazon = amazon(account);
        List<String> queued = jdbc.sql("""
                        SELECT case_id FROM amazon_refund WHERE account = :account AND status = 'QUEUED'
                        ORDER BY queued_at, case_id LIMIT :limit""")
                .param("account", account)
                .param("limit", amazon.maxRefundsPerFeed())
                .query(String.class)
                .list();
        if (queued.isEmpty() || !client.canCallNow(account, SpApiOperation.CREATE_FEED)) {
            return;
        }
        Optional<Instant> last = jdbc.sql("SELECT max(created_at) FROM amazon_feed WHERE account = :account")
                .param("account", account)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
        if (last.isPresent() && clock.instant().isBefore(last.get().plus(amazon.feedInterval()))) {
            return;
        }
        requireSellerId(account, amazon);
        List<OrderAdjustmentFeed.Message> messages = new ArrayList<>();
        Map<String, Integer> messageIds = new LinkedHashMap<>();
        for (String caseId : queued) {
            int messageId = messages.size() + 1;
            try {
                OrderAdjustmentFeed.Message message = message(account, amazon, caseId, messageId);
                OrderAdjustmentFeed.build(amazon.sellerId(), List.of(message)); // checks it on its own
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
        Long feedRow = transaction.execute(status -> storeFeed(account, document, messageIds));
        exchange.setVariable("feedRow", feedRow);
        exchange.setVariable("feedStatus", feedRow == null ? "NONE" : "BUILT");
        log.info("Amazon {}: refund feed document (row {}) built with {} refund(s)", account, feedRow,
                messages.size());
    }

    /** createFeedDocument and the upload of the stored document to its pre-signed URL. */
    public void upload(@Variable("account") String account, @Variable("feedRow") long feedRow) {
        Feed feed = feed(feedRow);
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
        jdbc.sql("UPDATE amazon_feed SET feed_document_id = :documentId WHERE id = :id AND status = 'BUILT'")
                .param("documentId", documentId)
                .param("id", feedRow)
                .update();
    }

    /**
     * createFeed: the call that moves money. SUBMITTING is stored first; if the answer is lost, the next tick asks
     * Amazon's feed list instead of submitting blindly again. Sets {@code feedStatus}.
     */
    public void submit(@Variable("account") String account, @Variable("feedRow") long feedRow, Exchange exchange) {
        if (!client.canCallNow(account, SpApiOperation.CREATE_FEED)) {
            return; // createFeed's rate is spent: the feed waits, uploaded, for the next tick
        }
        Feed feed = feed(feedRow);
        jdbc.sql("UPDATE amazon_feed SET status = 'SUBMITTING', submit_started_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", feedRow)
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feedType", FEED_TYPE);
        body.put("marketplaceIds", amazon(account).marketplaceIds());
        body.put("inputFeedDocumentId", feed.feedDocumentId());
        SpApiClient.Response response;
        try {
            response = client.post(account, SpApiOperation.CREATE_FEED, "/feeds/2021-06-30/feeds", body);
        } catch (SpApiException e) {
            if (e.status() == 429 || e.status() == 400 || e.status() == 404) {
                // Amazon answered, and did not create it: build on the same document next time
                setStatus(feedRow, "BUILT");
                exchange.setVariable("feedStatus", "BUILT");
            }
            throw e;
        }
        String feedId = response.text("feedId");
        if (feedId == null) {
            throw new SpApiException("Amazon " + account + " createFeed answered without a feedId", true, null,
                    response.status(), null);
        }
        adopt(account, feedRow, feedId);
        exchange.setVariable("feedStatus", "SUBMITTED");
    }

    /**
     * A createFeed whose answer was lost: Amazon's feed list since then tells. One feed there that the gateway does
     * not know is this one; none means it was not created (the document is submitted again); several cannot be told
     * apart, so the refunds go to operators rather than risk paying twice.
     */
    public void reconcile(@Variable("account") String account, @Variable("feedRow") long feedRow,
                          Exchange exchange) {
        Feed feed = feed(feedRow);
        Instant since = (feed.submitStartedAt() == null ? clock.instant() : feed.submitStartedAt())
                .minus(Duration.ofMinutes(5));
        // feed ids are Amazon's, unique across accounts: a feed any account stored is not the lost one
        Set<String> known = new HashSet<>(jdbc.sql("SELECT feed_id FROM amazon_feed WHERE feed_id IS NOT NULL")
                .query(String.class).list());
        List<String> unknown = new ArrayList<>();
        String page = "/feeds/2021-06-30/feeds?feedTypes=" + FEED_TYPE + "&createdSince=" + encode(since.toString());
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
            page = next == null || next.isBlank() ? null : "/feeds/2021-06-30/feeds?nextToken=" + encode(next);
        }
        if (unknown.size() == 1) {
            log.info("Amazon {}: the lost createFeed of row {} did reach Amazon as feed {}", account, feedRow,
                    unknown.get(0));
            adopt(account, feedRow, unknown.get(0));
            exchange.setVariable("feedStatus", "SUBMITTED");
        } else if (unknown.isEmpty()) {
            log.info("Amazon {}: the lost createFeed of row {} did not reach Amazon; it is submitted again", account,
                    feedRow);
            setStatus(feedRow, "BUILT");
            exchange.setVariable("feedStatus", "BUILT");
        } else {
            String message = "Could not tell whether Amazon received refund feed row " + feedRow + ": its createFeed"
                    + " answer was lost and Amazon lists " + unknown.size() + " feeds the gateway does not know ("
                    + String.join(", ", unknown) + "). Check in Seller Central whether these refunds were paid"
                    + " before retrying the cases.";
            finishWithRejections(feedRow, "UNCERTAIN", message, null);
            exchange.setVariable("feedStatus", "UNCERTAIN");
            exchange.setVariable("feedAlert", message);
        }
    }

    /** getFeed: sets {@code feedProcessingStatus} (IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL). */
    public void poll(@Variable("account") String account, @Variable("feedRow") long feedRow, Exchange exchange) {
        Feed feed = feed(feedRow);
        SpApiClient.Response response = client.get(account, SpApiOperation.GET_FEED,
                "/feeds/2021-06-30/feeds/" + encode(feed.feedId()));
        String status = response.text("processingStatus");
        jdbc.sql("UPDATE amazon_feed SET processing_status = :status WHERE id = :id")
                .param("status", status)
                .param("id", feedRow)
                .update();
        exchange.setVariable("feedProcessingStatus", status);
        exchange.setVariable("resultFeedDocumentId", response.text("resultFeedDocumentId"));
    }

    /** DONE: reads the processing report and marks each refund accepted or rejected; their cases wake up. */
    public void applyProcessingReport(@Variable("account") String account, @Variable("feedRow") long feedRow,
                                      @Variable("resultFeedDocumentId") String resultDocumentId) {
        Feed feed = feed(feedRow);
        ProcessingReport report = processingReport(account, resultDocumentId);
        Map<String, String> woken = transaction.execute(status -> {
            int accepted = 0;
            int rejected = 0;
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> refund : refundsIn(feedRow)) {
                String where = "feed " + feed.feedId() + ", message " + refund.getValue();
                ProcessingReport.Result error = report.errorsByMessageId().get(refund.getValue());
                if (error == null && report.messagesProcessed() > 0) {
                    setResult(refund.getKey(), "ACCEPTED", null, null);
                    outcomes.put(refund.getKey(), "Amazon accepted the refund (" + where + ")");
                    accepted++;
                } else {
                    setResult(refund.getKey(), "REJECTED", error == null ? null : error.resultMessageCode(),
                            error == null ? "Amazon processed none of the feed's messages" : error.description());
                    outcomes.put(refund.getKey(), "Amazon rejected the refund (" + where + ")");
                    rejected++;
                }
            }
            jdbc.sql("""
                            UPDATE amazon_feed SET status = 'DONE', accepted = :accepted, rejected = :rejected,
                                   finished_at = :now WHERE id = :id""")
                    .param("accepted", accepted)
                    .param("rejected", rejected)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", feedRow)
                    .update();
            log.info("Amazon {}: refund feed {} processed: {} accepted, {} rejected", account, feed.feedId(),
                    accepted, rejected);
            return outcomes;
        });
        woken.forEach(this::wake);
    }

    /** CANCELLED: Amazon did not process the feed, so none of its refunds moved; they are queued again. */
    public void cancelled(@Variable("account") String account, @Variable("feedRow") long feedRow) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            UPDATE amazon_refund SET status = 'QUEUED', feed = NULL, message_id = NULL, updated_at = :now
                            WHERE feed = :feed AND status = 'IN_FEED'""")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("feed", feedRow)
                    .update();
            finish(feedRow, "CANCELLED", "Amazon cancelled the feed; its refunds are queued again");
        });
        log.warn("Amazon {}: refund feed row {} was CANCELLED by Amazon; its refunds go in the next feed", account,
                feedRow);
    }

    /** FATAL: Amazon could not process the feed. Its refunds go to manual review; returns the alert text. */
    public String failed(@Variable("account") String account, @Variable("feedRow") long feedRow,
                         @Variable("resultFeedDocumentId") String resultDocumentId) {
        Feed feed = feed(feedRow);
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

    private OrderAdjustmentFeed.Message message(String account, GatewayProperties.Amazon amazon, String caseId,
                                                int messageId) {
        ReturnCase returnCase = cases.get(caseId);
        RefundInstruction refund = refunds.findByCase(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no planned refund"));
        String orderId = returnCase.request().orderId();
        AmazonOrder order = orders.storedOrFetch(account, orderId).orElseThrow(() -> new IllegalStateException(
                "Amazon's Orders API does not know order " + orderId + ", so the refund cannot name its order items"));
        List<RefundAllocation.Line> lines = new ArrayList<>();
        for (ReturnItem item : returnCase.request().items()) {
            AmazonOrder.Item line = order.itemBySku(item.sku()).orElseThrow(() -> new IllegalStateException(
                    "order " + orderId + " has no item with SKU " + item.sku() + " at Amazon"));
            lines.add(new RefundAllocation.Line(line.orderItemId(), returnedValue(line, item)));
        }
        GatewayProperties.Tax tax = amazon.tax(order.marketplaceId());
        List<OrderAdjustmentFeed.AdjustedItem> items = RefundAllocation.allocate(refund.amount(), lines,
                new RefundAllocation.TaxMode(tax.split(), tax.rate()), adjustmentReason(refund.reason()), caseId);
        return new OrderAdjustmentFeed.Message(messageId, orderId, items);
    }

    /** What the returned quantity of an order line is worth: Amazon's line price is for the quantity ordered. */
    private static Money returnedValue(AmazonOrder.Item line, ReturnItem item) {
        if (line.itemPrice() == null || line.quantityOrdered() <= 0) {
            return item.total();
        }
        BigDecimal unit = line.itemPrice().amount().divide(BigDecimal.valueOf(line.quantityOrdered()), 6,
                RoundingMode.HALF_UP);
        return new Money(unit.multiply(BigDecimal.valueOf(Math.min(item.quantity(), line.quantityOrdered()))),
                line.itemPrice().currency());
    }

    /** Amazon's AdjustmentReason for why the gateway refunds. */
    static String adjustmentReason(RefundReason reason) {
        return switch (reason) {
            case PARCEL_INTERCEPTED -> "CustomerCancel";
            case ORDER_CANCELLED -> "CouldNotShip";
            case RETURN_RECEIVED, RETURNLESS, RETURNED_TO_SENDER -> "CustomerReturn";
            case PARCEL_LOST -> "GeneralAdjustment";
        };
    }

    private Long storeFeed(String account, String document, Map<String, Integer> messageIds) {
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
        for (Map.Entry<String, Integer> entry : messageIds.entrySet()) {
            int updated = jdbc.sql("""
                            UPDATE amazon_refund SET status = 'IN_FEED', feed = :feed, message_id = :messageId,
                                   submissions = submissions + 1, updated_at = :now
                            WHERE case_id = :caseId AND status = 'QUEUED'""")
                    .param("feed", feedRow)
                    .param("messageId", entry.getValue())
                    .param("now", Timestamp.from(now))
                    .param("caseId", entry.getKey())
                    .update();
            if (updated != 1) {
                throw new IllegalStateException("refund of case " + entry.getKey() + " left the queue meanwhile");
            }
        }
        return feedRow;
    }

    /** A refund that cannot go into a feed at all (its order or items unknown to Amazon): to manual review. */
    private void rejectBeforeSending(String caseId, String reason) {
        setResult(caseId, "REJECTED", null, "not sent to Amazon: " + reason);
        wake(caseId, "The refund could not be sent to Amazon");
    }

    private void finishWithRejections(long feedRow, String status, String message, String code) {
        List<String> caseIds = transaction.execute(tx -> {
            List<String> ids = refundsIn(feedRow).stream().map(Map.Entry::getKey).toList();
            ids.forEach(caseId -> setResult(caseId, "REJECTED", code, message));
            finish(feedRow, status, message);
            return ids;
        });
        caseIds.forEach(caseId -> wake(caseId, message));
    }

    private void wake(String caseId, String why) {
        if (cases.get(caseId).status() == CaseStatus.AWAITING_MARKETPLACE) {
            cases.moveTo(caseId, CaseStatus.REFUND_PENDING, why);
        }
    }

    private void adopt(String account, long feedRow, String feedId) {
        jdbc.sql("UPDATE amazon_feed SET status = 'SUBMITTED', feed_id = :feedId WHERE id = :id")
                .param("feedId", feedId)
                .param("id", feedRow)
                .update();
        log.info("Amazon {}: refund feed {} submitted", account, feedId);
    }

    private ProcessingReport processingReport(String account, String resultDocumentId) {
        if (resultDocumentId == null) {
            throw new SpApiException("Amazon " + account + " feed is DONE without a resultFeedDocumentId", true, null,
                    200, null);
        }
        SpApiClient.Response document = client.get(account, SpApiOperation.GET_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents/" + encode(resultDocumentId));
        String url = document.text("url");
        if (url == null) {
            throw new SpApiException("Amazon " + account + " feed result document " + resultDocumentId
                    + " has no url", true, null, document.status(), null);
        }
        byte[] bytes = client.download(account, url, "processing report " + resultDocumentId);
        try {
            return ProcessingReport.parse(unpacked(bytes, document.text("compressionAlgorithm")));
        } catch (IllegalArgumentException e) {
            throw new SpApiException("Amazon " + account + " processing report " + resultDocumentId
                    + " could not be read: " + e.getMessage(), false, null, 200, null);
        }
    }

    /** The document's bytes, unpacked when GZIP (the XML declaration then says its encoding). */
    private static byte[] unpacked(byte[] bytes, String compression) {
        boolean gzip = "GZIP".equalsIgnoreCase(compression)
                || bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzip) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SpApiException("a GZIP processing report could not be unpacked: " + e.getMessage(), true, null,
                    200, null);
        }
    }

    private List<Map.Entry<String, Integer>> refundsIn(long feedRow) {
        return jdbc.sql("SELECT case_id, message_id FROM amazon_refund WHERE feed = :feed AND status = 'IN_FEED'")
                .param("feed", feedRow)
                .query((rs, n) -> Map.entry(rs.getString("case_id"), rs.getInt("message_id")))
                .list();
    }

    private void setResult(String caseId, String status, String code, String message) {
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

    private void finish(long feedRow, String status, String message) {
        jdbc.sql("UPDATE amazon_feed SET status = :status, message = :message, finished_at = :now WHERE id = :id")
                .param("status", status)
                .param("message", message)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", feedRow)
                .update();
    }

    private void setStatus(long feedRow, String status) {
        jdbc.sql("UPDATE amazon_feed SET status = :status WHERE id = :id")
                .param("status", status)
                .param("id", feedRow)
                .update();
    }

    private Optional<Feed> openFeed(String account) {
        return jdbc.sql("""
                        SELECT * FROM amazon_feed WHERE account = :account AND finished_at IS NULL
                        ORDER BY id LIMIT 1""")
                .param("account", account)
                .query((rs, n) -> feedOf(rs))
                .optional();
    }

    private Feed feed(long feedRow) {
        return jdbc.sql("SELECT * FROM amazon_feed WHERE id = :id")
                .param("id", feedRow)
                .query((rs, n) -> feedOf(rs))
                .single();
    }

    private static Feed feedOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp started = rs.getTimestamp("submit_started_at");
        return new Feed(rs.getLong("id"), rs.getString("status"), rs.getString("document"),
                rs.getString("feed_document_id"), rs.getString("feed_id"), started == null ? null : started.toInstant());
    }

    private GatewayProperties.Amazon amazon(String account) {
        return properties.marketplaces().get(account).amazon();
    }

    private static void requireSellerId(String account, GatewayProperties.Amazon amazon) {
        if (amazon.sellerId() == null || amazon.sellerId().isBlank()) {
            throw new IllegalStateException("Amazon account " + account + " has no seller-id (the MerchantIdentifier"
                    + " of refund feeds): set gateway.marketplaces." + account + ".amazon.seller-id");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

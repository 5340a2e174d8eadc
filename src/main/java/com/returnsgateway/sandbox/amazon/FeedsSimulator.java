package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Feeds API 2021-06-30 for POST_PAYMENT_ADJUSTMENT_DATA. A feed is judged when it is created, message by
 * message in creation order (so what earlier feeds refunded counts against later ones); accepted adjustments add to
 * what was refunded per order item. getFeed then reveals it one step per call: IN_QUEUE, IN_PROGRESS, then DONE (or
 * FATAL when the document could not be read), each with a processing report as result document. Thread-safe (one
 * lock; the order book is only changed from here).
 */
@Component
@SandboxEnabled
public class FeedsSimulator {

    public static final String PAYMENT_ADJUSTMENT = "POST_PAYMENT_ADJUSTMENT_DATA";
    /** Amazon's documented AdjustmentReason values. */
    static final Set<String> ADJUSTMENT_REASONS = Set.of("NoInventory", "CustomerReturn", "GeneralAdjustment",
            "CouldNotShip", "DifferentItem", "Abandoned", "CustomerCancel", "PriceError", "ProductOutofStock",
            "CustomerAddressIncorrect", "Exchange", "Other", "CarrierCreditDecision",
            "RiskAssessmentInformationNotValid", "CarrierCoverageFailure", "TransactionRecord", "Undeliverable",
            "RefusedDelivery");
    static final Set<String> COMPONENT_TYPES = Set.of("Principal", "Shipping", "Tax", "ShippingTax",
            "RestockingFee", "RestockingFeeTax", "GiftWrap", "GiftWrapTax", "Surcharge", "ReturnShipping", "Goodwill",
            "ExportCharge", "COD", "CODTax", "Other");
    /** Japan: prices include consumption tax, and a separate Tax component is refused (issue 1372). */
    static final String JAPAN = "A1VC38T7YXB528";
    static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

    static final String CODE_MALFORMED = "5000";
    static final String CODE_FATAL = "5001";
    static final String CODE_UNKNOWN_ORDER = "18028";
    static final String CODE_UNKNOWN_ITEM = "18029";
    static final String CODE_BAD_REASON = "18030";
    static final String CODE_BAD_COMPONENT = "18031";
    static final String CODE_CURRENCY = "18032";
    static final String CODE_TAX_NOT_ALLOWED = "18033";
    static final String CODE_NOT_A_CREDIT = "18034";
    static final String CODE_OVER_REFUND = "18035";
    static final String CODE_REJECTED_ORDER = "18050";

    private final SimulatedOrderBook orders;
    private final SimulatedSellers sellers;
    private final Clock clock;
    private final int pollsBeforeDone;
    private final AtomicLong sequence = new AtomicLong(60_000_000_000L);
    private final Map<String, FeedDocument> documents = new LinkedHashMap<>();
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final Map<String, Rejection> rejections = new HashMap<>();
    /** Orders whose messages the processing report leaves out (a short report, as the gateway must not trust). */
    private final Set<String> leftOutOfReports = new HashSet<>();

    @Autowired
    public FeedsSimulator(SimulatedOrderBook orders, SimulatedSellers sellers, AmazonSimulatorProperties properties,
                          ObjectProvider<Clock> clock) {
        this(orders, sellers, properties.getFeedPollsBeforeDone(), clock.getIfAvailable(Clock::systemUTC));
    }

    FeedsSimulator(SimulatedOrderBook orders, SimulatedSellers sellers, int pollsBeforeDone, Clock clock) {
        this.orders = orders;
        this.sellers = sellers;
        this.pollsBeforeDone = Math.max(0, pollsBeforeDone);
        this.clock = clock;
    }

    /** What the test hook makes the messages for an order fail with. */
    public record Rejection(String code, String description) {
    }

    /** A feed document: an upload slot for the seller, or a processing report; {@code content} null until uploaded. */
    public static final class FeedDocument {
        final String documentId;
        final String sellerId;
        final String contentType;
        final boolean result;
        volatile byte[] content;

        FeedDocument(String documentId, String sellerId, String contentType, boolean result, byte[] content) {
            this.documentId = documentId;
            this.sellerId = sellerId;
            this.contentType = contentType;
            this.result = result;
            this.content = content;
        }

        public String contentType() {
            return contentType;
        }

        public byte[] content() {
            return content;
        }

        public boolean result() {
            return result;
        }
    }

    /** The decision on one message. */
    private record Outcome(PaymentAdjustmentFeed.Message message, String code, String description) {

        boolean accepted() {
            return code == null;
        }
    }

    private static final class Feed {
        final String feedId;
        final String sellerId;
        final List<String> marketplaceIds;
        final String inputDocumentId;
        final Instant created;
        final List<Outcome> outcomes;
        final String fatal;
        final byte[] report;
        final SimulatedProcessing processing;
        String resultDocumentId;

        Feed(String feedId, String sellerId, List<String> marketplaceIds, String inputDocumentId, Instant created,
             List<Outcome> outcomes, String fatal, byte[] report, int pollsBeforeDone) {
            this.feedId = feedId;
            this.sellerId = sellerId;
            this.marketplaceIds = marketplaceIds;
            this.inputDocumentId = inputDocumentId;
            this.created = created;
            this.outcomes = outcomes;
            this.fatal = fatal;
            this.report = report;
            this.processing = new SimulatedProcessing(pollsBeforeDone);
        }

        ObjectNode toJson() {
            ObjectNode n = AmazonJson.object();
            n.put("feedId", feedId);
            n.put("feedType", PAYMENT_ADJUSTMENT);
            ArrayNode mp = n.putArray("marketplaceIds");
            marketplaceIds.forEach(mp::add);
            n.put("createdTime", AmazonJson.timestamp(created));
            processing.putInto(n);
            if (resultDocumentId != null) {
                n.put("resultFeedDocumentId", resultDocumentId);
            }
            return n;
        }
    }

    // ------------------------------------------------------------------------------------------ documents

    /** createFeedDocument: an upload slot for the seller. */
    public synchronized String createDocument(SpCaller caller, JsonNode body) {
        AmazonJson.requireObject(body, "the request");
        String contentType = AmazonJson.requireText(body, "contentType");
        String id = "amzn1.tortuga.4.na." + UUID.randomUUID();
        documents.put(id, new FeedDocument(id, caller.sellerId(), contentType, false, null));
        return id;
    }

    /** getFeedDocument: the seller's input or result document, or 404. */
    public synchronized FeedDocument document(SpCaller caller, String documentId) {
        FeedDocument d = documents.get(documentId);
        if (d == null || !d.sellerId.equals(caller.sellerId())) {
            throw SpApiException.notFound("Feed document " + documentId + " not found.");
        }
        return d;
    }

    /** The document behind a pre-signed URL. */
    public synchronized Optional<FeedDocument> document(String documentId) {
        return Optional.ofNullable(documents.get(documentId));
    }

    /** Stores an upload; false when there is no upload slot with this id. */
    public synchronized boolean upload(String documentId, byte[] content) {
        FeedDocument d = documents.get(documentId);
        if (d == null || d.result) {
            return false;
        }
        d.content = content;
        return true;
    }

    // ------------------------------------------------------------------------------------------ feeds

    /** createFeed: checks the request, judges every message of the uploaded document and queues the feed. */
    public synchronized String create(SpCaller caller, JsonNode body) {
        AmazonJson.requireObject(body, "the feed specification");
        String type = AmazonJson.requireText(body, "feedType");
        if (!type.equals(PAYMENT_ADJUSTMENT)) {
            throw SpApiException.invalidInput("feedType " + type + " is not supported by the sandbox; it serves "
                    + PAYMENT_ADJUSTMENT);
        }
        List<String> marketplaceIds = AmazonJson.requireTextList(body, "marketplaceIds");
        SimulatedSeller seller = sellers.find(caller.sellerId()).orElseThrow();
        for (String id : marketplaceIds) {
            if (!seller.marketplaceIds().contains(id)) {
                throw SpApiException.invalidInput("marketplaceId " + id + " is not one the seller participates in ("
                        + seller.marketplaceIds() + ")");
            }
        }
        String documentId = AmazonJson.requireText(body, "inputFeedDocumentId");
        FeedDocument input = documents.get(documentId);
        if (input == null || input.result || !input.sellerId.equals(caller.sellerId())) {
            throw SpApiException.invalidInput("inputFeedDocumentId " + documentId + " is not a feed document of "
                    + "this seller (createFeedDocument first)");
        }
        byte[] content = input.content;
        if (content == null) {
            throw SpApiException.invalidInput("inputFeedDocumentId " + documentId + " has not been uploaded yet "
                    + "(PUT the document to the URL createFeedDocument returned)");
        }
        String feedId = Long.toString(sequence.incrementAndGet());
        List<Outcome> outcomes = new ArrayList<>();
        String fatal = null;
        byte[] report;
        try {
            List<PaymentAdjustmentFeed.Message> messages = PaymentAdjustmentFeed.parse(content);
            Set<Long> seen = new HashSet<>();
            for (PaymentAdjustmentFeed.Message m : messages) {
                Outcome outcome = judge(caller.sellerId(), m, seen);
                outcomes.add(outcome);
            }
            List<Outcome> reported = outcomes.stream()
                    .filter(o -> !leftOutOfReports.contains(o.message().amazonOrderId())).toList();
            List<ProcessingReportXml.Result> errors = reported.stream().filter(o -> !o.accepted())
                    .map(o -> new ProcessingReportXml.Result(o.message().messageId(), o.code(), o.description(),
                            o.message().amazonOrderId()))
                    .toList();
            report = ProcessingReportXml.render(caller.sellerId(), feedId, reported.size(),
                    reported.size() - errors.size(), errors);
        } catch (PaymentAdjustmentFeed.FatalFeed e) {
            fatal = e.getMessage();
            report = ProcessingReportXml.render(caller.sellerId(), feedId, 0, 0,
                    List.of(new ProcessingReportXml.Result(0, CODE_FATAL, fatal, null)));
        }
        feeds.put(feedId, new Feed(feedId, caller.sellerId(), marketplaceIds, documentId, now(),
                List.copyOf(outcomes), fatal, report, pollsBeforeDone));
        return feedId;
    }

    /** Decides one message and, when it is accepted, books its refunds. */
    private Outcome judge(String sellerId, PaymentAdjustmentFeed.Message m, Set<Long> seen) {
        if (m.problem() != null) {
            return new Outcome(m, CODE_MALFORMED, m.problem());
        }
        if (!seen.add(m.messageId())) {
            return new Outcome(m, CODE_MALFORMED, "MessageID " + m.messageId()
                    + " is used by more than one message in this feed.");
        }
        String orderId = m.amazonOrderId();
        SimulatedOrder order = orders.order(orderId).filter(o -> o.sellerId().equals(sellerId)).orElse(null);
        if (order == null) {
            return new Outcome(m, CODE_UNKNOWN_ORDER, "The order ID " + orderId + " was not found for merchant "
                    + sellerId + ".");
        }
        Rejection rejection = rejections.get(orderId);
        if (rejection != null) {
            return new Outcome(m, rejection.code(), rejection.description());
        }
        Currency currency = Currency.getInstance(order.currency());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        Map<String, BigDecimal> credits = new LinkedHashMap<>();
        for (PaymentAdjustmentFeed.AdjustedItem item : m.items()) {
            String code = item.orderItemCode();
            SimulatedOrder.Item ordered = order.itemByOrderItemId(code).orElse(null);
            if (ordered == null) {
                return new Outcome(m, CODE_UNKNOWN_ITEM, "The AmazonOrderItemCode " + code
                        + " does not belong to order " + orderId + ".");
            }
            if (!ADJUSTMENT_REASONS.contains(item.reason())) {
                return new Outcome(m, CODE_BAD_REASON, "The AdjustmentReason " + item.reason()
                        + " for order item " + code + " is not a valid value.");
            }
            BigDecimal net = BigDecimal.ZERO;
            for (PaymentAdjustmentFeed.Component c : item.components()) {
                if (!COMPONENT_TYPES.contains(c.type())) {
                    return new Outcome(m, CODE_BAD_COMPONENT, "The Component Type " + c.type() + " for order item "
                            + code + " is not a valid value.");
                }
                if (!c.currency().equals(order.currency())) {
                    return new Outcome(m, CODE_CURRENCY, "The " + c.type() + " amount for order item " + code
                            + " is in " + c.currency() + ", but order " + orderId + " was paid in "
                            + order.currency() + ".");
                }
                if (c.amount().stripTrailingZeros().scale() > digits) {
                    return new Outcome(m, CODE_CURRENCY, "The " + c.type() + " amount " + c.amountText()
                            + " for order item " + code + " has more decimals than " + order.currency() + " allows.");
                }
                if (order.marketplaceId().equals(JAPAN) && (c.type().equals("Tax") || c.type().equals("ShippingTax"))) {
                    return new Outcome(m, CODE_TAX_NOT_ALLOWED, "A " + c.type() + " component is not accepted in "
                            + "marketplace " + JAPAN + " (Japan): prices include tax, so refund the tax-inclusive "
                            + "amount as Principal (order item " + code + ").");
                }
                net = net.add(c.amount());
            }
            if (net.signum() <= 0) {
                return new Outcome(m, CODE_NOT_A_CREDIT, "The adjustment for order item " + code + " nets to "
                        + net.toPlainString() + " " + order.currency() + "; an adjustment must be a credit to the "
                        + "buyer.");
            }
            BigDecimal before = orders.refunded(orderId, code).add(credits.getOrDefault(code, BigDecimal.ZERO));
            BigDecimal after = before.add(net);
            if (after.compareTo(ordered.charged()) > 0) {
                return new Outcome(m, CODE_OVER_REFUND, "The adjustment of " + plain(net, currency)
                        + " " + order.currency() + " for order item " + code + " (" + ordered.sku() + ") would bring "
                        + "the refunded total to " + plain(after, currency) + ", more than the "
                        + plain(ordered.charged(), currency) + " the buyer was charged (item price, shipping and tax); "
                        + plain(before, currency) + " is already refunded.");
            }
            credits.merge(code, net, BigDecimal::add);
        }
        orders.addRefunds(orderId, credits);
        return new Outcome(m, null, null);
    }

    private static String plain(BigDecimal amount, Currency currency) {
        return AmazonJson.plain(amount, currency);
    }

    /** getFeed: the feed as it stands after this call moved it one step. */
    public synchronized ObjectNode poll(SpCaller caller, String feedId) {
        Feed feed = feeds.get(feedId);
        if (feed == null || !feed.sellerId.equals(caller.sellerId())) {
            throw SpApiException.notFound("Feed " + feedId + " not found.");
        }
        if (feed.processing.poll(now())) {
            finish(feed);
        }
        return feed.toJson();
    }

    private void finish(Feed feed) {
        String id = "amzn1.tortuga.4.na." + UUID.randomUUID();
        documents.put(id, new FeedDocument(id, feed.sellerId, "text/xml; charset=UTF-8", true, feed.report));
        feed.resultDocumentId = id;
        feed.processing.end(feed.fatal == null ? "DONE" : "FATAL", now());
    }

    /**
     * getFeeds: the seller's feeds of the given types created in [createdSince, createdUntil] (to the second),
     * newest first, {@code pageSize} at a time.
     */
    public synchronized ObjectNode list(SpCaller caller, String feedTypes, String marketplaceIds,
                                        String processingStatuses, String createdSince, String createdUntil,
                                        Integer pageSize, String nextToken) {
        int size = pageSize == null ? 10 : pageSize;
        if (size < 1 || size > 100) {
            throw SpApiException.invalidInput("pageSize must be between 1 and 100");
        }
        if (nextToken == null && (feedTypes == null || feedTypes.isBlank())) {
            throw SpApiException.invalidInput("feedTypes is required");
        }
        Set<String> types = split(feedTypes);
        Set<String> mps = split(marketplaceIds);
        Set<String> statuses = split(processingStatuses);
        Instant now = now();
        Instant since = createdSince == null ? now.minus(Duration.ofDays(90))
                : AmazonJson.instant(createdSince, "createdSince");
        Instant until = createdUntil == null ? now : AmazonJson.instant(createdUntil, "createdUntil");
        Position after = nextToken == null ? null : Position.parse(nextToken);
        List<Feed> matching = feeds.values().stream()
                .filter(f -> f.sellerId.equals(caller.sellerId()))
                .filter(f -> types.isEmpty() || types.contains(PAYMENT_ADJUSTMENT))
                .filter(f -> mps.isEmpty() || f.marketplaceIds.stream().anyMatch(mps::contains))
                .filter(f -> statuses.isEmpty() || statuses.contains(f.processing.status()))
                .filter(f -> !f.created.isBefore(since) && !f.created.isAfter(until))
                .sorted(NEWEST_FIRST)
                .filter(f -> after == null || NEWEST_FIRST.compare(f, after.probe()) > 0)
                .toList();
        ObjectNode answer = AmazonJson.object();
        ArrayNode list = answer.putArray("feeds");
        matching.stream().limit(size).forEach(f -> list.add(f.toJson()));
        if (matching.size() > size) {
            Feed last = matching.get(size - 1);
            answer.put("nextToken", new Position(last.created, last.feedId).token());
        }
        return answer;
    }

    private static final Comparator<Feed> NEWEST_FIRST = Comparator.comparing((Feed f) -> f.created)
            .thenComparing(f -> Long.parseLong(f.feedId)).reversed();

    private record Position(Instant created, String feedId) {

        String token() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((created + "|" + feedId).getBytes(StandardCharsets.UTF_8));
        }

        static Position parse(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                Long.parseLong(parts[1]);
                return new Position(Instant.parse(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw SpApiException.invalidInput("nextToken is not valid");
            }
        }

        Feed probe() {
            return new Feed(feedId, "", List.of(), "", created, List.of(), null, null, 0);
        }
    }

    private static Set<String> split(String csv) {
        Set<String> values = new HashSet<>();
        if (csv != null) {
            for (String v : csv.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------ finances

    /**
     * listFinancialEventsByOrderId: one RefundEvent per accepted adjustment message of the seller's order, oldest
     * first, posted when its feed was created; a refund's CurrencyAmount is negative (a debit to the seller).
     * {@code maxResults} events a page, the rest behind {@code NextToken}.
     */
    public synchronized ObjectNode refundEvents(SpCaller caller, String orderId, Integer maxResults,
                                                String nextToken) {
        SimulatedOrder order = orders.order(orderId).filter(o -> o.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> SpApiException.notFound("Order " + orderId + " not found."));
        int size = maxResults == null ? 100 : maxResults;
        if (size < 1 || size > 100) {
            throw SpApiException.invalidInput("MaxResultsPerPage must be between 1 and 100");
        }
        List<ObjectNode> events = new ArrayList<>();
        for (Feed f : feeds.values()) {
            if (!f.sellerId.equals(caller.sellerId())) {
                continue;
            }
            for (Outcome o : f.outcomes) {
                if (o.accepted() && orderId.equals(o.message().amazonOrderId())) {
                    events.add(refundEvent(order, f, o.message()));
                }
            }
        }
        int from = nextToken == null ? 0 : pageStart(orderId, nextToken);
        ObjectNode answer = AmazonJson.object();
        ObjectNode payload = answer.putObject("payload");
        ArrayNode list = payload.putObject("FinancialEvents").putArray("RefundEventList");
        events.stream().skip(from).limit(size).forEach(list::add);
        if (from + size < events.size()) {
            payload.put("NextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((orderId + "|" + (from + size)).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static ObjectNode refundEvent(SimulatedOrder order, Feed feed, PaymentAdjustmentFeed.Message message) {
        Currency currency = Currency.getInstance(order.currency());
        ObjectNode event = AmazonJson.object();
        event.put("AmazonOrderId", order.orderId());
        event.put("PostedDate", AmazonJson.timestamp(feed.created));
        event.put("MarketplaceName", "Amazon");
        ArrayNode items = event.putArray("ShipmentItemAdjustmentList");
        for (PaymentAdjustmentFeed.AdjustedItem adjusted : message.items()) {
            SimulatedOrder.Item ordered = order.itemByOrderItemId(adjusted.orderItemCode()).orElseThrow();
            ObjectNode item = items.addObject();
            item.put("SellerSKU", ordered.sku());
            item.put("OrderAdjustmentItemId", feed.feedId + "-" + message.messageId() + "-" + items.size());
            item.put("QuantityShipped", ordered.quantity());
            ArrayNode charges = item.putArray("ItemChargeAdjustmentList");
            for (PaymentAdjustmentFeed.Component c : adjusted.components()) {
                ObjectNode charge = charges.addObject();
                charge.put("ChargeType", c.type());
                ObjectNode amount = charge.putObject("ChargeAmount");
                amount.put("CurrencyCode", currency.getCurrencyCode());
                amount.put("CurrencyAmount", c.amount().negate());
            }
        }
        return event;
    }

    private static int pageStart(String orderId, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2 && parts[0].equals(orderId)) {
                return Integer.parseInt(parts[1]);
            }
        } catch (RuntimeException e) {
            // answered below as Amazon answers a token it did not give
        }
        throw SpApiException.invalidInput("NextToken is not valid");
    }

    // ------------------------------------------------------------------------------------------ test hooks

    /** Messages for this order fail from now on with this code and description. */
    public synchronized void rejectOrder(String orderId, Rejection rejection) {
        rejections.put(orderId, rejection);
    }

    public synchronized boolean stopRejecting(String orderId) {
        return rejections.remove(orderId) != null;
    }

    /** The processing reports of feeds created from now on leave out this order's messages (judged all the same). */
    public synchronized void leaveOutOfReports(String orderId) {
        leftOutOfReports.add(orderId);
    }

    public synchronized boolean stopLeavingOut(String orderId) {
        return leftOutOfReports.remove(orderId);
    }

    /** Inspection: every feed received with its parsed adjustments and what became of each. */
    public synchronized ArrayNode inspect(String sellerId, String orderId) {
        ArrayNode list = AmazonJson.array();
        for (Feed f : feeds.values()) {
            if (sellerId != null && !sellerId.equals(f.sellerId)) {
                continue;
            }
            if (orderId != null && f.outcomes.stream().noneMatch(o -> orderId.equals(o.message().amazonOrderId()))) {
                continue;
            }
            ObjectNode n = list.addObject();
            n.put("feedId", f.feedId);
            n.put("sellerId", f.sellerId);
            n.put("feedType", PAYMENT_ADJUSTMENT);
            n.put("feedDocumentId", f.inputDocumentId);
            n.put("createdTime", AmazonJson.timestamp(f.created));
            n.put("processingStatus", f.processing.status());
            ArrayNode mp = n.putArray("marketplaceIds");
            f.marketplaceIds.forEach(mp::add);
            if (f.resultDocumentId != null) {
                n.put("resultFeedDocumentId", f.resultDocumentId);
            }
            if (f.fatal != null) {
                n.put("fatalError", f.fatal);
            }
            ArrayNode adjustments = n.putArray("adjustments");
            for (Outcome o : f.outcomes) {
                ObjectNode a = adjustments.addObject();
                a.put("messageId", o.message().messageId());
                a.put("amazonOrderId", o.message().amazonOrderId());
                ArrayNode items = a.putArray("items");
                for (PaymentAdjustmentFeed.AdjustedItem item : o.message().items()) {
                    ObjectNode i = items.addObject();
                    i.put("amazonOrderItemCode", item.orderItemCode());
                    i.put("merchantAdjustmentItemId", item.merchantAdjustmentItemId());
                    i.put("adjustmentReason", item.reason());
                    ArrayNode components = i.putArray("components");
                    for (PaymentAdjustmentFeed.Component c : item.components()) {
                        ObjectNode cn = components.addObject();
                        cn.put("type", c.type());
                        if (c.amount() != null) {
                            cn.put("amount", c.amount());
                        } else {
                            cn.put("amount", c.amountText());
                        }
                        cn.put("currency", c.currency());
                    }
                }
                a.put("result", o.accepted() ? "ACCEPTED" : "REJECTED");
                if (o.accepted()) {
                    a.putNull("error");
                } else {
                    ObjectNode e = a.putObject("error");
                    e.put("code", o.code());
                    e.put("description", o.description());
                }
            }
        }
        return list;
    }

    public synchronized int feedCount() {
        return feeds.size();
    }

    public synchronized void clear() {
        documents.clear();
        feeds.clear();
        rejections.clear();
        leftOutOfReports.clear();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

package com.returnsgateway.sandbox.amazon;

import java.time.Clock;
import java.util.Currency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives and inspects the Amazon simulator: what feeds and reports it received, call and throttling counts, orders
 * and returns to add, test hooks (fail the next report, reject an order's refunds), and a reset.
 */
@RestController
@RequestMapping("/sandbox/amazon")
@SandboxEnabled
public class AmazonSimulatorController {

    private final SimulatedSellers sellers;
    private final SimulatedOrderBook orders;
    private final ReportsSimulator reports;
    private final FeedsSimulator feeds;
    private final LwaSimulator lwa;
    private final SimulatedRateLimits limits;
    private final AmazonSimulatorSeeder seeder;
    private final UnknownOrderAnswer unknownOrder;
    private final Clock clock;

    public AmazonSimulatorController(SimulatedSellers sellers, SimulatedOrderBook orders, ReportsSimulator reports,
                                     FeedsSimulator feeds, LwaSimulator lwa, SimulatedRateLimits limits,
                                     AmazonSimulatorSeeder seeder, UnknownOrderAnswer unknownOrder,
                                     ObjectProvider<Clock> clock) {
        this.sellers = sellers;
        this.orders = orders;
        this.reports = reports;
        this.feeds = feeds;
        this.lwa = lwa;
        this.limits = limits;
        this.seeder = seeder;
        this.unknownOrder = unknownOrder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The sellers (without their credentials), order and return counts, and the stats. */
    @GetMapping
    public ObjectNode info() {
        ObjectNode info = AmazonJson.object();
        ArrayNode list = info.putArray("sellers");
        for (SimulatedSeller s : sellers.all()) {
            ObjectNode n = list.addObject();
            n.put("sellerId", s.sellerId());
            n.put("account", s.account());
            ArrayNode mp = n.putArray("marketplaceIds");
            s.marketplaceIds().forEach(mp::add);
            n.put("piiRole", s.piiRole());
        }
        info.put("orders", orders.orders().size());
        info.put("returns", orders.allReturns().size());
        info.put("feeds", feeds.feedCount());
        info.put("unknownOrderStatus", unknownOrder.status());
        info.set("stats", stats());
        return info;
    }

    /** Control: forget everything (tokens excepted) and reload the seed (by default when the sandbox seeds). */
    @DeleteMapping
    public ObjectNode reset(@RequestParam(name = "reseed", required = false) Boolean reseed) {
        seeder.reset(reseed == null ? seeder.seedsByDefault() : reseed);
        return info();
    }

    @GetMapping("/stats")
    public ObjectNode stats() {
        ObjectNode stats = AmazonJson.object();
        stats.put("tokenExchanges", lwa.exchanges());
        stats.put("refusedTokenExchanges", lwa.refusedExchanges());
        stats.put("restrictedDataTokens", lwa.restrictedDataTokens());
        ObjectNode throttled = stats.putObject("throttled");
        limits.throttledByOperation().forEach(throttled::put);
        ObjectNode calls = stats.putObject("calls");
        limits.callsByOperation().forEach(calls::put);
        return stats;
    }

    /** Inspection: the feeds received, with their parsed adjustments and what became of each. */
    @GetMapping("/feeds")
    public ArrayNode feeds(@RequestParam(name = "sellerId", required = false) String sellerId,
                           @RequestParam(name = "orderId", required = false) String orderId) {
        return feeds.inspect(sellerId, orderId);
    }

    /** Test hook: messages for this order fail from now on; body {@code {"code"?, "description"?}} optional. */
    @PostMapping("/feeds/reject-order/{orderId}")
    public ObjectNode rejectOrder(@PathVariable("orderId") String orderId,
                                  @RequestBody(required = false) JsonNode body) {
        FeedsSimulator.Rejection rejection = AmazonSimulatorSeeder.rejection(body);
        feeds.rejectOrder(orderId, rejection);
        ObjectNode answer = AmazonJson.object();
        answer.put("orderId", orderId);
        answer.put("code", rejection.code());
        answer.put("description", rejection.description());
        return answer;
    }

    @DeleteMapping("/feeds/reject-order/{orderId}")
    public ObjectNode stopRejecting(@PathVariable("orderId") String orderId) {
        ObjectNode answer = AmazonJson.object();
        answer.put("orderId", orderId);
        answer.put("wasRejected", feeds.stopRejecting(orderId));
        return answer;
    }

    /** Test hook: processing reports leave this order's messages out (a short report; the refunds still count). */
    @PostMapping("/feeds/leave-out-of-report/{orderId}")
    public ObjectNode leaveOutOfReports(@PathVariable("orderId") String orderId) {
        feeds.leaveOutOfReports(orderId);
        return orderAnswer(orderId, "leftOut", true);
    }

    @DeleteMapping("/feeds/leave-out-of-report/{orderId}")
    public ObjectNode stopLeavingOut(@PathVariable("orderId") String orderId) {
        return orderAnswer(orderId, "wasLeftOut", feeds.stopLeavingOut(orderId));
    }

    private static ObjectNode orderAnswer(String orderId, String field, boolean value) {
        ObjectNode answer = AmazonJson.object();
        answer.put("orderId", orderId);
        answer.put(field, value);
        return answer;
    }

    @GetMapping("/reports")
    public ArrayNode reports() {
        return reports.list();
    }

    /** Test hook: the next {@code count} reports created end FATAL. */
    @PostMapping("/reports/fail-next")
    public ObjectNode failNextReport(@RequestParam(name = "count", defaultValue = "1") int count) {
        if (count < 1) {
            throw SpApiException.invalidInput("count must be at least 1");
        }
        ObjectNode answer = AmazonJson.object();
        answer.put("reportsToFail", reports.failNext(count));
        return answer;
    }

    /** Control: add (or replace) an order, and its parcel at a forwarder when it names one. */
    @PostMapping("/orders")
    public ResponseEntity<ObjectNode> addOrder(@RequestBody(required = false) JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(seeder.putOrder(body)));
    }

    /**
     * Control: what getOrder answers for an order it does not know, {@code 404} (NotFound, the default) or
     * {@code 400} (InvalidInput); Amazon documents both. A reset goes back to
     * {@code sandbox.amazon.unknown-order-status}.
     */
    @PostMapping("/unknown-orders")
    public ObjectNode unknownOrders(@RequestParam(name = "status") int status) {
        unknownOrder.set(status);
        ObjectNode answer = AmazonJson.object();
        answer.put("unknownOrderStatus", unknownOrder.status());
        return answer;
    }

    /** Inspection: an order with what was refunded per item. */
    @GetMapping("/orders/{orderId}")
    public ObjectNode order(@PathVariable("orderId") String orderId) {
        return describe(orders.order(orderId)
                .orElseThrow(() -> SpApiException.notFound("Order " + orderId + " not found.")));
    }

    /** Control: inject a return request for a known order; answers its Amazon RMA ID and the report rows it makes. */
    @PostMapping("/returns")
    public ResponseEntity<ObjectNode> addReturn(@RequestBody(required = false) JsonNode body) {
        SimulatedReturn r = orders.putReturn(body, clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(r));
    }

    /**
     * Control: Amazon learnt the return parcel's {@code {"trackingId", "returnCarrier"?, "deliveredAt"?}}; the next
     * returns report lists the return again with them.
     */
    @PutMapping("/returns/{rmaId}/label")
    public ObjectNode updateReturnLabel(@PathVariable("rmaId") String rmaId,
                                        @RequestBody(required = false) JsonNode body) {
        AmazonJson.requireObject(body, "a return label update");
        String deliveredAt = AmazonJson.text(body, "deliveredAt");
        SimulatedReturn r = orders.updateReturnLabel(rmaId, AmazonJson.text(body, "returnCarrier"),
                AmazonJson.requireText(body, "trackingId"),
                deliveredAt == null ? null : AmazonJson.instant(deliveredAt, "deliveredAt"), clock.instant());
        return describe(r);
    }

    @GetMapping("/returns")
    public ArrayNode returns() {
        ArrayNode list = AmazonJson.array();
        orders.allReturns().forEach(r -> list.add(describe(r)));
        return list;
    }

    private ObjectNode describe(SimulatedOrder order) {
        Currency currency = Currency.getInstance(order.currency());
        ObjectNode n = AmazonJson.object();
        n.put("orderId", order.orderId());
        n.put("sellerId", order.sellerId());
        n.put("marketplaceId", order.marketplaceId());
        n.put("purchaseDate", AmazonJson.timestamp(order.purchaseDate()));
        n.put("currency", order.currency());
        n.put("total", AmazonJson.plain(order.total(), currency));
        ArrayNode items = n.putArray("items");
        for (SimulatedOrder.Item item : order.items()) {
            ObjectNode i = items.addObject();
            i.put("orderItemId", item.orderItemId());
            i.put("sku", item.sku());
            i.put("asin", item.asin());
            i.put("title", item.title());
            i.put("quantity", item.quantity());
            i.put("itemPrice", AmazonJson.plain(item.itemPrice(), currency));
            i.put("shippingPrice", AmazonJson.plain(item.shippingPrice(), currency));
            i.put("itemTax", AmazonJson.plain(item.itemTax(), currency));
            i.put("refunded", AmazonJson.plain(orders.refunded(order.orderId(), item.orderItemId()), currency));
        }
        return n;
    }

    private static ObjectNode describe(SimulatedReturn r) {
        ObjectNode n = AmazonJson.object();
        n.put("rmaId", r.rmaId());
        n.put("orderId", r.orderId());
        n.put("sellerId", r.sellerId());
        n.put("requestedAt", AmazonJson.timestamp(r.requestedAt()));
        n.put("reason", r.reason());
        n.put("resolution", r.resolution());
        ArrayNode rows = n.putArray("rows");
        for (SimulatedReturn.Item item : r.items()) {
            ObjectNode row = rows.addObject();
            row.put("rmaId", r.rmaId());
            row.put("sku", item.sku());
            row.put("quantity", item.quantity());
        }
        return n;
    }
}

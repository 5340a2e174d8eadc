package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.ReturnsGatewayApplication;
import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.TestPorts;
import com.returnsgateway.testsupport.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole gateway in its sandbox: simulated marketplace, forwarders, back office and SMTP server reached over
 * real HTTP and SMTP, a real embedded PostgreSQL, and the Camel routes from routes/. One Spring context is shared by
 * every subclass; each test uses its own return ids, orders and buyer addresses, so tests do not see each other.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ReturnsGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "sandbox.seed.enabled=false",
                "sandbox.sftp.answer-delay=300ms",
                "sandbox.sftp.root=target/flow-sandbox/sftp",
                "sandbox.sftp.host-key-file=target/flow-sandbox/sftp-hostkey.ser",
                "sandbox.sftp.known-hosts-file=target/flow-sandbox/known_hosts",
                "gateway.embedded-db.data-dir=",
                "gateway.embedded-db.port=0",
                "gateway.embedded-db.durable=false",
                "gateway.dispatcher.interval=100ms",
                "gateway.intake.poll-interval=300ms",
                "gateway.retry.initial-delay=200ms",
                "gateway.retry.max-delay=1s",
                "gateway.retry.max-attempts=4",
                "gateway.forwarders.sftp-cargo.sftp.poll-interval=300ms",
                "gateway.forwarders.sftp-cargo.sftp.batch-interval=300ms",
                "gateway.forwarders.sftp-cargo.sftp.answer-deadline=8s",
                "gateway.intercepts.follow-up-interval=500",
                // return parcels: swept often; numbers move only when a test moves them (no sandbox pace)
                "gateway.returns.sweep-interval=300ms",
                "gateway.tracking.17track.register-interval=1s",
                // parcels move only by hand; waits are looked at often, and their timers moved by the tests (jdbc)
                "sandbox.simulators.pace=0",
                "gateway.waits.sweep-interval=300ms",
                "gateway.waits.follow-up-first=1h",
                "gateway.waits.follow-up-max=12h",
                "gateway.waits.in-transit-limit=21d",
                "gateway.waits.return-reminder-after=7d",
                "gateway.waits.return-window=30d",
                "gateway.waits.summary-at=00:00",
                // buyers' replies: the gateway polls the sandbox's IMAP mailbox (port below) often
                "gateway.inbox.poll-interval=200ms",
                // Amazon: the sandbox accounts, stepped fast; rates raised where Amazon's would make tests wait
                // minutes (createReport once a minute), except getOrderItems, whose tiny simulated bucket the
                // gateway outruns on purpose, so every run goes through 429s
                "gateway.shipment-lookup.file=" + SandboxGatewayTest.ORDER_WAYBILLS,
                "sandbox.amazon.seed-at-startup=true",
                "gateway.amazon-api.poll-interval=300ms",
                "gateway.amazon-api.throttled-backoff=200ms",
                "gateway.amazon-api.rates.createReport=20",
                "gateway.amazon-api.rates.getReportDocument=20",
                "gateway.amazon-api.rates.createFeed=20",
                "gateway.amazon-api.rates.getFeeds=20",
                "gateway.amazon-api.rates.getFeedDocument=20",
                "sandbox.amazon.rate-limits.createReport.rate=20",
                "sandbox.amazon.rate-limits.getReportDocument.rate=20",
                "sandbox.amazon.rate-limits.createFeed.rate=20",
                "sandbox.amazon.rate-limits.getFeeds.rate=20",
                "sandbox.amazon.rate-limits.getFeedDocument.rate=20",
                "sandbox.amazon.rate-limits.getOrderItems.rate=2",
                "sandbox.amazon.rate-limits.getOrderItems.burst=1",
                "sandbox.amazon.report-polls-before-done=1",
                "sandbox.amazon.feed-polls-before-done=1",
                "gateway.marketplaces.amazon-us.amazon.report-interval=500ms",
                "gateway.marketplaces.amazon-us.amazon.feed-interval=300ms",
                "gateway.marketplaces.amazon-jp.amazon.report-interval=500ms",
                "gateway.marketplaces.amazon-jp.amazon.feed-interval=300ms",
                // webhooks: swept and retried fast; a test moves a delivery's give-up window with jdbc
                "gateway.webhooks.sweep-interval=200ms",
                "gateway.webhooks.first-retry=300ms",
                "gateway.webhooks.max-retry-delay=1s",
                // metrics: cases counted often, so a test sees its case in gateway.cases soon
                "gateway.metrics.refresh-interval=300ms",
                // a forwarder nobody listens for (port 1 refuses): RemoteSystemsHealthFlowTest opens its breaker
                "gateway.forwarders.unreachable-express.type=http",
                "gateway.forwarders.unreachable-express.base-url=http://127.0.0.1:1/unreachable-express",
                "gateway.forwarders.unreachable-express.status-profile=generic",
                "gateway.resilience.forwarders.unreachable-express.minimum-number-of-calls=2",
                "gateway.resilience.forwarders.unreachable-express.sliding-window-size=2",
                "gateway.resilience.forwarders.unreachable-express.wait-in-open-state=10m",
                // a generic marketplace only WorkLeasesFlowTest uses: it holds its poll lease for another instance
                "gateway.marketplaces.sandbox-leases.base-url=${gateway.sandbox-url}/sandbox/marketplace/sandbox-leases"
        })
abstract class SandboxGatewayTest {

    static final int PORT = TestPorts.free();
    static final int SMTP_PORT = TestPorts.free();
    static final int SFTP_PORT = TestPorts.free();
    /** The sandbox's IMAP port: a fixed free one, as the gateway's inbox (gateway.inbox.port) must know it. */
    static final int IMAP_PORT = TestPorts.free();
    /** The order-to-waybill file, a copy of the sandbox's that tests add their orders to. */
    static final String ORDER_WAYBILLS = "target/flow-sandbox/order-waybills.csv";

    static {
        try {
            Files.createDirectories(Path.of(ORDER_WAYBILLS).getParent());
            Files.copy(Path.of("config/sandbox/order-waybills.csv"), Path.of(ORDER_WAYBILLS),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(30);
    /** A second back-office webhook endpoint, {@code flow-test}, up for the whole run: WebhooksFlowTest reads it. */
    static final WebhookReceiver WEBHOOKS = WebhookReceiver.start();
    /** flow-test's signing secret (made up): whsec_ and base64 of "flow-test-webhook-secret-0123456789". */
    static final String WEBHOOK_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(
            "flow-test-webhook-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    protected final Http sandbox = new Http(PORT);
    protected final Http api = sandbox.as("sandbox", "sandbox");

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sandbox.smtp.port", () -> SMTP_PORT);
        registry.add("sandbox.sftp.port", () -> SFTP_PORT);
        registry.add("sandbox.imap.port", () -> IMAP_PORT);
        // an Amazon account whose cycles no timer runs: AmazonFeedRecoveryTest steps its refund feed by hand
        String amazon = "gateway.marketplaces.amazon-recovery.";
        registry.add(amazon + "type", () -> "amazon");
        registry.add(amazon + "country", () -> "US");
        registry.add(amazon + "poll", () -> "false");
        registry.add(amazon + "amazon.endpoint", () -> "http://localhost:" + PORT + "/sandbox/amazon/sp");
        registry.add(amazon + "amazon.lwa-endpoint", () -> "http://localhost:" + PORT + "/sandbox/amazon/auth/o2/token");
        registry.add(amazon + "amazon.client-id", () -> "amzn1.application-oa2-client.sandbox");
        registry.add(amazon + "amazon.client-secret", () -> "sandbox-lwa-secret");
        registry.add(amazon + "amazon.refresh-token", () -> "Atzr|sandbox-amazon-us");
        registry.add(amazon + "amazon.seller-id", () -> "A3SANDBOXUS01");
        registry.add(amazon + "amazon.marketplace-ids", () -> "ATVPDKIKX0DER");
        registry.add(amazon + "amazon.feed-interval", () -> "0s");
        registry.add("gateway.webhooks.endpoints.flow-test.url", WEBHOOKS::url);
        registry.add("gateway.webhooks.endpoints.flow-test.secret", () -> WEBHOOK_SECRET);
    }

    /** A valid return object as the marketplace serves it, unique to the calling test. */
    static ObjectNode returnObject(String marketplace, String currency, String price, Map<String, String> shipment) {
        String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ObjectNode node = Http.JSON.createObjectNode();
        node.put("marketplace", marketplace);
        node.put("returnId", "T-" + id);
        node.put("orderId", "ORD-" + id);
        node.put("reason", "DAMAGED");
        node.put("comment", "Arrived broken <b>please help</b>");
        ObjectNode buyer = node.putObject("buyer");
        buyer.put("name", "Test Buyer " + id);
        buyer.put("email", "buyer-" + id.toLowerCase() + "@buyer.example");
        buyer.put("locale", "en-US");
        ObjectNode address = buyer.putObject("address");
        address.put("line1", "1 Test Street");
        address.put("city", "Springfield");
        address.put("postalCode", "12345");
        address.put("country", "US");
        ArrayNode items = node.putArray("items");
        ObjectNode item = items.addObject();
        item.put("sku", "SKU-" + id);
        item.put("title", "Test item");
        item.put("quantity", 1);
        ObjectNode unitPrice = item.putObject("unitPrice");
        unitPrice.put("amount", price);
        unitPrice.put("currency", currency);
        if (shipment != null) {
            ObjectNode ship = node.putObject("shipment");
            shipment.forEach(ship::put);
        }
        return node;
    }

    static String waybill(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    void parcel(String forwarder, String waybill, String status, boolean interceptable) {
        var reply = sandbox.put("/sandbox/forwarders/" + forwarder + "/shipments/" + waybill,
                Map.of("status", status, "interceptable", interceptable));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    @Autowired
    JdbcClient jdbc;

    /**
     * Until both sandbox Amazon accounts have read a report: their Orders API calls for the seeded returns are done
     * (later reports overlap, but returns already read make no calls).
     */
    void awaitSeededAmazonReturnsTakenIn() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(DISTINCT account) FROM amazon_report
                        WHERE account IN ('amazon-us', 'amazon-jp') AND status = 'PROCESSED'""")
                .query(Long.class).single() == 2);
        // a report whose Orders calls were throttled takes in what it could; the next report takes in the rest
        List<String> seeded = seededAmazonReturnIds();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM return_case
                        WHERE marketplace IN ('amazon-us', 'amazon-jp') AND return_id IN (:ids)""")
                .param("ids", seeded).query(Long.class).single() == seeded.size());
    }

    /** The Amazon RMA ids of the sandbox seed that become cases (its "expected" outcomes). */
    static List<String> seededAmazonReturnIds() {
        try {
            List<String> ids = new ArrayList<>();
            Http.JSON.readTree(Files.readString(Path.of("config/sandbox/amazon-seed.json"))).get("expected")
                    .properties().forEach(e -> ids.add(e.getKey()));
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Until the seeded Amazon returns are all taken in and none is still being worked on or waiting for a feed: for
     * tests that make every simulator fail for a while, which would otherwise fail the seed's cases too.
     */
    void awaitSeededAmazonReturnsSettled() {
        awaitSeededAmazonReturnsTakenIn();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM return_case WHERE marketplace IN ('amazon-us', 'amazon-jp')
                          AND (phase = 'ACTIVE' OR status = 'AWAITING_MARKETPLACE')""")
                .query(Long.class).single() == 0);
    }

    /** The gateway finds this order's parcel in the order-to-waybill file, as for a marketplace that names none. */
    static synchronized void orderShipsAs(String orderId, String forwarder, String waybill) {
        try {
            Files.writeString(Path.of(ORDER_WAYBILLS), orderId + "," + forwarder + "," + waybill + "\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A return whose parcel the forwarder reports with a code no status profile maps: the case waits in
     * MANUAL_REVIEW (returned once it does). Its waybill is {@code shipment.waybill} of the request.
     */
    ObjectNode returnInManualReview() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Exception", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "120.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);
        caseWhere(request, c -> "MANUAL_REVIEW".equals(c.get("status").asString()));
        return request;
    }

    /** A delivered parcel worth enough to ask for it back: the buyer has the label, the case waits for the return. */
    ObjectNode returnAwaitingTheBuyersParcel(String price) {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject("sandbox-us", "USD", price,
                Map.of("forwarder", "generic-express", "waybill", waybill));
        marketplaceHas(request);
        caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString()) && c.get("emails").size() > 0);
        return request;
    }

    String caseIdOf(ObjectNode request) {
        return caseWhere(request, c -> true).get("caseId").asString();
    }

    /** The id of the quarantine entry kept under this reference (a return id), once it is there. */
    long quarantineEntryOf(String reference) {
        java.util.concurrent.atomic.AtomicLong id = new java.util.concurrent.atomic.AtomicLong();
        await().atMost(FLOW_TIMEOUT).until(() -> {
            for (JsonNode e : api.get("/api/quarantine?size=200").json().get("entries")) {
                if (reference.equals(e.get("reference").asString())) {
                    id.set(e.get("id").asLong());
                    return true;
                }
            }
            return false;
        });
        return id.get();
    }

    void marketplaceHas(ObjectNode returnObject) {
        var reply = sandbox.post("/sandbox/marketplace/returns", returnObject);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    }

    /** Waits until the case of this return has left phase ACTIVE, and returns its detail. */
    JsonNode settledCase(ObjectNode returnObject) {
        return caseWhere(returnObject, c -> !"ACTIVE".equals(c.get("phase").asString()));
    }

    JsonNode caseWhere(ObjectNode returnObject, java.util.function.Predicate<JsonNode> condition) {
        String orderId = returnObject.get("orderId").asString();
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode list = api.get("/api/cases?orderId=" + orderId).json().get("cases");
            if (list == null || list.isEmpty()) {
                return false;
            }
            JsonNode detail = api.get("/api/cases/" + list.get(0).get("caseId").asString()).json();
            found.set(detail);
            return condition.test(detail);
        });
        return found.get();
    }

    List<JsonNode> mailsTo(String address) {
        List<JsonNode> mails = new ArrayList<>();
        sandbox.get("/sandbox/mail?to=" + address).json().forEach(mails::add);
        return mails;
    }

    List<JsonNode> refundsFor(String returnId) {
        List<JsonNode> refunds = new ArrayList<>();
        sandbox.get("/sandbox/marketplace/refunds?returnId=" + returnId).json().forEach(refunds::add);
        return refunds;
    }

    /** The intercepts a forwarder received for this waybill; for 4px, the holds its 4PX simulator was asked for. */
    List<JsonNode> interceptsOf(String forwarder, String waybill) {
        List<JsonNode> intercepts = new ArrayList<>();
        sandbox.get("4px".equals(forwarder) ? "/sandbox/4px/holds" : "/sandbox/forwarders/" + forwarder + "/intercepts")
                .json().forEach(i -> {
            if (waybill.equals(i.get("waybill").asString())) {
                intercepts.add(i);
            }
        });
        return intercepts;
    }

    static String buyerEmail(ObjectNode returnObject) {
        return returnObject.get("buyer").get("email").asString();
    }

    static List<String> timelineTypes(JsonNode caseDetail) {
        List<String> types = new ArrayList<>();
        caseDetail.get("timeline").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    static String timelineText(JsonNode caseDetail) {
        StringBuilder text = new StringBuilder();
        caseDetail.get("timeline").forEach(e -> text.append(e.get("message").asString()).append('\n'));
        return text.toString();
    }

    /** Removes every row of the case, as a database restored from before it was opened would have none. */
    void forgetCase(String caseId) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE column_name = 'case_id' AND table_schema = current_schema() AND table_name <> 'return_case'""")
                .query(String.class).list();
        tables.forEach(table -> jdbc.sql("DELETE FROM " + table + " WHERE case_id = :id").param("id", caseId).update());
        jdbc.sql("DELETE FROM return_case WHERE case_id = :id").param("id", caseId).update();
    }

    @Autowired
    CamelContext camel;

    /** One tick of the account's refund feed cycle, as its timer would run it (for accounts no timer runs). */
    void tickRefundFeed(String account) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setVariable("account", account);
        exchange.setVariable("cycle", "feed:" + account);
        camel.createProducerTemplate().send("direct:amazon-refund-feed", exchange);
    }

    /** Every adjustment message for the order in the feeds the simulated Amazon received. */
    List<JsonNode> adjustmentsFor(String orderId) {
        List<JsonNode> adjustments = new ArrayList<>();
        for (JsonNode feed : sandbox.get("/sandbox/amazon/feeds?orderId=" + orderId).json()) {
            feed.get("adjustments").forEach(a -> {
                if (orderId.equals(a.get("amazonOrderId").asString())) {
                    adjustments.add(a);
                }
            });
        }
        return adjustments;
    }
}

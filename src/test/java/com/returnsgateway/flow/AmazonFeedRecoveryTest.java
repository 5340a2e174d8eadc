package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.adapter.amazon.AmazonRefundFeeds;
import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.adapter.amazon.api.SpApiOperation;
import com.returnsgateway.testsupport.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A crash in the middle of submitting a refund feed, at the two points where it matters: before createFeed was
 * sent, and after Amazon created the feed but before the gateway stored its id. Either way the refund reaches
 * Amazon exactly once. The account's cycle is stepped by hand (no timer runs it), and the crash is the state a
 * killed gateway leaves in the database.
 */
class AmazonFeedRecoveryTest extends SandboxGatewayTest {

    private static final String ACCOUNT = "amazon-recovery";

    @Autowired
    AmazonRefundFeeds feeds;
    @Autowired
    SpApiClient spApi;

    @BeforeEach
    void theSeededAmazonAccountIsQuiet() {
        // this account shares its seller with amazon-us: wait until amazon-us has taken in its returns (their Orders
        // calls share the seller's small simulated bucket) and stored all its feeds (one being created now would
        // look like the lost one)
        awaitSeededAmazonReturnsTakenIn();
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM amazon_feed WHERE finished_at IS NULL)
                             + (SELECT count(*) FROM amazon_refund WHERE status IN ('QUEUED', 'IN_FEED')
                                AND account <> :account)""")
                .param("account", ACCOUNT).query(Long.class).single() == 0);
        // a test before may have been throttled on this account's Orders calls, which building a feed makes
        await().atMost(FLOW_TIMEOUT).until(() -> spApi.canCallNow(ACCOUNT, SpApiOperation.GET_ORDER)
                && spApi.canCallNow(ACCOUNT, SpApiOperation.GET_ORDER_ITEMS));
    }

    @Test
    void aCreateFeedWhoseAnswerWasLostIsNotSubmittedAgainNorTakenForAFeedAmazonCannotSayIsOurs() {
        String orderId = queuedRefund("11.50");
        Exchange cycle = builtAndUploadedFeed();
        long row = cycle.getVariable("feedRow", Long.class);
        feeds.submit(ACCOUNT, row, cycle);
        String createdAtAmazon = feedId(row);
        // the gateway died before it stored the answer: what the database holds is a submission under way
        jdbc.sql("UPDATE amazon_feed SET status = 'SUBMITTING', feed_id = NULL WHERE id = :id").param("id", row).update();

        feeds.reconcile(ACCOUNT, row, cycle);

        // Amazon lists a feed the gateway does not know, but its list does not say which document it was made from
        assertThat(cycle.getVariable("feedStatus", String.class)).isEqualTo("UNCERTAIN");
        assertThat(cycle.getVariable("feedAlert", String.class)).contains("Amazon lists 1 feed(s) the gateway does"
                + " not know (" + createdAtAmazon + ")", "Check in Seller Central");
        JsonNode uncertain = caseWhere(Http.JSON.createObjectNode().put("orderId", orderId),
                c -> "MANUAL_REVIEW".equals(c.get("status").asString()));
        assertThat(uncertain.get("statusReason").asString()).contains("Could not tell whether Amazon received");
        assertThat(adjustmentsFor(orderId)).as("sent to Amazon once").hasSize(1);
    }

    @Test
    void aProcessingReportThatLeavesOutARefundSendsItToManualReviewAndAlertsOperations() {
        String orderId = queuedRefund("9.75");
        var leavingOut = sandbox.post("/sandbox/amazon/feeds/leave-out-of-report/" + orderId, Map.of());
        assertThat(leavingOut.status()).as(leavingOut.text()).isEqualTo(200);

        // ticks of the account's feed cycle, as its timer would run them: batch, upload, submit, getFeed, report
        ObjectNode lookup = Http.JSON.createObjectNode().put("orderId", orderId);
        JsonNode unverified = caseWhere(lookup, c -> {
            tickRefundFeed(ACCOUNT);
            return "MANUAL_REVIEW".equals(c.get("status").asString());
        });

        // Amazon took the adjustment, but its report accounts for none of the feed: "no error" is not "paid"
        assertThat(adjustmentsFor(orderId)).singleElement()
                .satisfies(a -> assertThat(a.get("result").asString()).isEqualTo("ACCEPTED"));
        assertThat(unverified.get("statusReason").asString()).contains("Not known whether Amazon paid the refund",
                "REPORT_MISMATCH", "MessagesProcessed is 0 but 1 messages were sent", "check in Seller Central");
        assertThat(mailsTo("ops@sandbox-seller.example")).anySatisfy(m -> {
            assertThat(m.get("subject").asString()).contains("amazon-recovery",
                    "Amazon refund feed report does not cover the feed");
            assertThat(m.get("textBody").asString()).contains("MessagesProcessed is 0 but 1 messages were sent");
        });
        sandbox.delete("/sandbox/amazon/feeds/leave-out-of-report/" + orderId);
    }

    @Test
    void aCrashBeforeCreateFeedSubmitsTheStoredDocumentOnce() {
        String orderId = queuedRefund("13.25");
        Exchange cycle = builtAndUploadedFeed();
        long row = cycle.getVariable("feedRow", Long.class);
        // the gateway died right after storing SUBMITTING, before createFeed left it
        jdbc.sql("UPDATE amazon_feed SET status = 'SUBMITTING', submit_started_at = now() WHERE id = :id")
                .param("id", row).update();

        // a feed created a moment ago might not be listed yet: the gateway does not take "none" for an answer yet
        cycle.setVariable("feedStatus", "SUBMITTING");
        feeds.reconcile(ACCOUNT, row, cycle);
        assertThat(cycle.getVariable("feedStatus", String.class)).isEqualTo("SUBMITTING");
        assertThat(feedStatus(row)).isEqualTo("SUBMITTING");

        // it restarted a while later (gateway.amazon-api.feed-list-delay, 1 min): now "none" means not created
        jdbc.sql("UPDATE amazon_feed SET submit_started_at = now() - interval '2 minutes' WHERE id = :id")
                .param("id", row).update();
        feeds.reconcile(ACCOUNT, row, cycle);
        assertThat(cycle.getVariable("feedStatus", String.class)).isEqualTo("BUILT");
        feeds.submit(ACCOUNT, row, cycle);

        assertThat(cycle.getVariable("feedStatus", String.class)).isEqualTo("SUBMITTED");
        finish(cycle, row, orderId);
        assertThat(adjustmentsFor(orderId)).singleElement()
                .satisfies(a -> assertThat(a.get("items").get(0).get("components").get(0).get("amount")
                        .decimalValue()).isEqualByComparingTo("13.25"));
    }

    @Test
    void aCaseLeftWaitingWhenItsAnswerWasStoredJustBeforeACrashWakesAtTheNextTick() {
        String orderId = queuedRefund("7.25");
        Exchange cycle = builtAndUploadedFeed();
        long row = cycle.getVariable("feedRow", Long.class);
        feeds.submit(ACCOUNT, row, cycle);
        await().atMost(FLOW_TIMEOUT).until(() -> {
            feeds.poll(ACCOUNT, row, cycle);
            return "DONE".equals(cycle.getVariable("feedProcessingStatus", String.class));
        });
        // what the database holds when the gateway died after committing Amazon's answer, before waking the case
        jdbc.sql("UPDATE amazon_refund SET status = 'ACCEPTED' WHERE feed = :row").param("row", row).update();
        jdbc.sql("UPDATE amazon_feed SET status = 'DONE', finished_at = now() WHERE id = :row").param("row", row)
                .update();

        tickRefundFeed(ACCOUNT);

        JsonNode refunded = caseWhere(Http.JSON.createObjectNode().put("orderId", orderId),
                c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(timelineText(refunded)).contains("Amazon accepted the refund (feed " + feedId(row) + ", message 1)");
        assertThat(adjustmentsFor(orderId)).as("sent to Amazon once").hasSize(1);
    }

    /** A delivered, cheap item at the simulated Amazon: refunded without asking it back, queued for a feed. */
    private String queuedRefund(String price) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String orderId = "114-" + (1000000 + random.nextInt(9000000)) + "-" + (1000000 + random.nextInt(9000000));
        String sku = "SKU-REC-" + orderId;
        String waybill = waybill("4PX");
        var order = sandbox.post("/sandbox/amazon/orders", Map.of("orderId", orderId, "sellerId", "A3SANDBOXUS01",
                "marketplaceId", "ATVPDKIKX0DER", "buyer", Map.of("name", "Recovery Buyer", "email",
                        "recovery@marketplace.amazon.example", "address", Map.of("line1", "1 Main St", "city",
                                "Reno", "postalCode", "89502", "country", "US")),
                "items", List.of(Map.of("orderItemId", orderId.replace("-", "") + "01", "sku", sku, "asin",
                        "B0RECOVERY", "title", "Recovery item", "quantity", 1, "itemPrice", price, "currency",
                        "USD")),
                "parcel", Map.of("forwarder", "4px", "waybill", waybill, "status", "F", "interceptable", false)));
        assertThat(order.status()).as(order.text()).isEqualTo(201);

        ObjectNode request = returnObject(ACCOUNT, "USD", price, Map.of("forwarder", "4px", "waybill", waybill));
        request.put("orderId", orderId);
        ((ObjectNode) request.get("items").get(0)).put("sku", sku);
        var accepted = api.post("/api/returns", request);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        caseWhere(request, c -> "AWAITING_MARKETPLACE".equals(c.get("status").asString()));
        return orderId;
    }

    private Exchange builtAndUploadedFeed() {
        Exchange cycle = new DefaultExchange(camel);
        cycle.setVariable("account", ACCOUNT);
        feeds.open(ACCOUNT, cycle);
        assertThat(cycle.getVariable("feedStatus", String.class)).isEqualTo("NONE");
        // building the feed asks Amazon's Orders API, whose small simulated buckets earlier tests may have used up:
        // a throttled call ends the step, and the cycle tries it again later, as here
        await().atMost(FLOW_TIMEOUT).until(() -> {
            try {
                feeds.batch(ACCOUNT, cycle);
                return true;
            } catch (RemoteCallException throttled) {
                if (!throttled.isTransient()) {
                    throw throttled;
                }
                return false;
            }
        });
        assertThat(cycle.getVariable("feedStatus", String.class)).isEqualTo("BUILT");
        feeds.upload(ACCOUNT, cycle.getVariable("feedRow", Long.class));
        return cycle;
    }

    /** getFeed until Amazon is done, then its processing report; the case goes on to REFUNDED. */
    private JsonNode finish(Exchange cycle, long row, String orderId) {
        await().atMost(FLOW_TIMEOUT).until(() -> {
            feeds.poll(ACCOUNT, row, cycle);
            return "DONE".equals(cycle.getVariable("feedProcessingStatus", String.class));
        });
        feeds.applyProcessingReport(ACCOUNT, row, cycle.getVariable("resultFeedDocumentId", String.class), cycle);
        ObjectNode lookup = Http.JSON.createObjectNode().put("orderId", orderId);
        return caseWhere(lookup, c -> "REFUNDED".equals(c.get("status").asString()));
    }

    private String feedStatus(long row) {
        return jdbc.sql("SELECT status FROM amazon_feed WHERE id = :id").param("id", row).query(String.class).single();
    }

    private String feedId(long row) {
        return jdbc.sql("SELECT feed_id FROM amazon_feed WHERE id = :id").param("id", row).query(String.class).single();
    }
}

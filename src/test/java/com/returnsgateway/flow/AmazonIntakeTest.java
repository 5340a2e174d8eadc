package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.adapter.amazon.AmazonIntake;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.adapter.amazon.format.ReturnReportRow;
import com.returnsgateway.adapter.amazon.format.ReturnsReport;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A return from Amazon's report that cannot become a case is quarantined with a reason an operator can act on, once:
 * the next report, whose window overlaps, neither quarantines it again nor asks the Orders API about it again.
 */
class AmazonIntakeTest extends SandboxGatewayTest {

    /** Shares its seller with amazon-us but has no fallback buyer email, and no timer reads its reports. */
    private static final String ACCOUNT = "amazon-recovery";

    @Autowired
    AmazonIntake intake;

    @Test
    void aReturnWithoutABuyerEmailIsQuarantinedOnceWithTheReasonAndNotAskedAboutAgain() {
        String orderId = "115-" + (1000000 + ThreadLocalRandom.current().nextInt(9000000)) + "-0000001";
        String rma = "TQ" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "RMA";
        List<ReturnReportRow> rows = reportRows(orderId, rma);
        awaitSeededAmazonReturnsTakenIn(); // so the Orders API calls counted below are this test's

        // the seller's buckets are shared with amazon-us: a 429 ends the step, and it is taken again as the cycle would
        await().atMost(FLOW_TIMEOUT).ignoreExceptionsMatching(e -> e instanceof SpApiException throttled
                && throttled.isTransient()).until(() -> {
                    intake.accept(rows, ACCOUNT, "70000000001");
                    return true;
                });
        int orderCalls = sandbox.get("/sandbox/amazon/stats").json().get("calls").get("getOrder").asInt();
        intake.accept(rows, ACCOUNT, "70000000002");

        List<JsonNode> kept = new ArrayList<>();
        api.get("/api/quarantine?size=200").json().get("entries").forEach(entry -> {
            if (rma.equals(entry.get("reference").asString())) {
                kept.add(entry);
            }
        });
        assertThat(kept).singleElement().satisfies(entry -> {
            assertThat(entry.get("source").asString()).isEqualTo("amazon:" + ACCOUNT);
            assertThat(entry.get("reason").asString()).startsWith("Amazon gave no buyer email for order " + orderId
                    + " and gateway.marketplaces.amazon-recovery.amazon.fallback-buyer-email is not set; ")
                    .contains("buyer.email");
            assertThat(api.get("/api/quarantine/" + entry.get("id").asLong()).json().get("payload").asString())
                    .contains(rma, "Wireless mouse, grey");
        });
        assertThat(sandbox.get("/sandbox/amazon/stats").json().get("calls").get("getOrder").asInt())
                .as("Orders API calls for the second report").isEqualTo(orderCalls);
        assertThat(api.get("/api/cases?orderId=" + orderId).json().get("cases")).isEmpty();
    }

    /** One row of the flat-file returns report, for an order Amazon's Orders API does not know. */
    private static List<ReturnReportRow> reportRows(String orderId, String rma) {
        Map<String, String> row = new LinkedHashMap<>();
        ReturnsReport.columns().forEach(column -> row.put(column, ""));
        row.put("Order ID", orderId);
        row.put("Order date", "2026-11-20T08:15:00+00:00");
        row.put("Return request date", "2026-11-25T09:00:00+00:00");
        row.put("Return request status", "Approved");
        row.put("Amazon RMA ID", rma);
        row.put("Currency code", "USD");
        row.put("ASIN", "B0MOUSE001");
        row.put("Merchant SKU", "MOUSE-GRY");
        row.put("Item Name", "Wireless mouse, grey");
        row.put("Return quantity", "1");
        row.put("Return Reason", "CR-UNWANTED_ITEM");
        row.put("Return type", "C-Returns");
        row.put("Resolution", "StandardRefund");
        row.put("Order Amount", "24.99");
        row.put("Order quantity", "1");
        String tsv = String.join("\t", row.keySet()) + "\n" + String.join("\t", row.values()) + "\n";
        ReturnsReport.Parsed parsed = ReturnsReport.parse(new StringReader(tsv));
        assertThat(parsed.problems()).isEmpty();
        return parsed.rows();
    }
}

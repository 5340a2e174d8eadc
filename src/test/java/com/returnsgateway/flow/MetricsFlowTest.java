package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.Scrape;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an operator finds at {@code /actuator/prometheus} once a case has run: a parcel still at 4PX is intercepted and
 * refunded in full. Counters are compared before and after, as other cases of the shared sandbox run meanwhile.
 */
class MetricsFlowTest extends SandboxGatewayTest {

    /**
     * Meters owned or fed by another part of the gateway, absent or still until it is merged; then this list is
     * emptied. The webhooks part registers gateway.webhook.deliveries and gateway.webhook.pending, and publishes the
     * case events (CaseEvent) that intercepts and refunds are counted from (CaseEventMeters).
     */
    private final Http metrics = sandbox.as("metrics", "metrics-sandbox");

    @Test
    void anInterceptedAndRefundedCaseShowsInTheMeters() {
        Scrape before = scrape();
        String waybill = waybill("4PX");
        parcel("4px", waybill, "P", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "39.99", Map.of("forwarder", "4px", "waybill", waybill));
        marketplaceHas(request);
        JsonNode done = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertThat(done.get("phase").asString()).isEqualTo("DONE");

        // the status gauges are counted on a timer (gateway.metrics.refresh-interval), not at each scrape
        long refunded = jdbc.sql("SELECT count(*) FROM return_case WHERE status = 'REFUNDED'").query(Long.class).single();
        await().atMost(FLOW_TIMEOUT).until(() -> scrape().value("gateway_cases", "status", "REFUNDED") >= refunded);
        Scrape after = scrape();

        assertThat(after.of("gateway_cases")).as("one series per status, each with its phase")
                .hasSize(13)
                .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("status", "phase"));
        assertThat(after.of("gateway_cases", "status", "REFUNDED", "phase", "DONE")).hasSize(1);
        assertThat(after.of("gateway_cases", "status", "AWAITING_BUYER", "phase", "WAITING")).hasSize(1);
        assertThat(after.value("gateway_quarantine_size")).isGreaterThanOrEqualTo(0);

        for (String step : new String[] {"shipment-status", "decide", "decide-intercept", "intercept", "settle",
                "mail-buyer", "mail-send", "smtp-send"}) {
            assertThat(increase(before, after, "gateway_case_step_seconds_count", "step", step, "outcome", "ok"))
                    .as("step %s timed", step).isGreaterThanOrEqualTo(1);
        }
        assertThat(after.of("gateway_case_step_seconds_bucket", "step", "decide", "outcome", "ok"))
                .as("a histogram, for percentiles across instances").hasSizeGreaterThan(10)
                .anySatisfy(bucket -> assertThat(bucket.labels().get("le")).isEqualTo("+Inf"));
        assertThat(after.names()).noneMatch(name -> name.startsWith("gateway_") && name.contains("case_id"));
        assertThat(after.of("gateway_case_step_seconds_count")).allSatisfy(s ->
                assertThat(s.labels()).containsOnlyKeys("step", "outcome"));

        assertThat(increase(before, after, "gateway_emails_total", "kind", "PARCEL_INTERCEPTED", "outcome", "sent"))
                .as("the buyer's email").isGreaterThanOrEqualTo(1);
        assertThat(after.of("gateway_emails_total", "kind", "RETURN_LABEL", "outcome", "failed"))
                .as("every kind has its series from the start").hasSize(1);
        assertThat(after.value("gateway_remote_circuit_state", "system", "forwarder-4px")).as("closed").isZero();
        assertThat(after.of("gateway_intercepts_total", "forwarder", "4px", "outcome", "accepted"))
                .as("each configured forwarder's series from the start").hasSize(1);

        assertThat(increase(before, after, "gateway_intercepts_total", "forwarder", "4px", "outcome", "requested"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "gateway_intercepts_total", "forwarder", "4px", "outcome", "accepted"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "gateway_refunds_total", "currency", "USD", "outcome", "sent"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "gateway_refunds_amount_sum", "currency", "USD", "outcome", "sent"))
                .isGreaterThanOrEqualTo(39.99);
    }

    @Test
    void onlyTheMetricsRoleReadsThem() {
        assertThat(sandbox.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(sandbox.as("viewer", "viewer-sandbox").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(metrics.get("/actuator/prometheus").status()).isEqualTo(200);
    }

    private Scrape scrape() {
        Http.Reply reply = metrics.get("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        return Scrape.parse(reply.text());
    }

    private static double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}

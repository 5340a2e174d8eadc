package com.returnsgateway.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.returnsgateway.sandbox.SandboxMailServer;
import com.returnsgateway.testsupport.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every HTTP fault on each call a case makes (the forwarder's shipment status and intercept, the marketplace's
 * refund) and on marketplace polling: the case ends where it should, nothing is lost, and money and parcels move once.
 */
class HttpFaultFlowIT extends FaultInjectionTest {

    private static final String LOST = "Lost";
    private static final String AT_FORWARDER = "Pending";
    private static final String ACCEPTED = "{\"outcome\": \"ACCEPTED\", \"code\": \"OK\", \"message\": \"stopped\"}";

    @Autowired
    SandboxMailServer mail;

    enum Call { SHIPMENT_STATUS, INTERCEPT, REFUND }

    record Run(ObjectNode request, String waybill, JsonNode c, List<ServeEvent> status, List<ServeEvent> intercepts,
               List<ServeEvent> refunds) {
        String line(String fault, String call) {
            long refunds = acceptedKeys(this.refunds);
            return fault + " on " + call + " -> " + c.get("status").asString() + " after "
                    + (attemptsFailed(c) + 1)
                    + " attempts, " + refunds + " refund" + (refunds == 1 ? "" : "s") + " ("
                    + this.refunds.size() + " refund calls, " + keys(this.refunds).size() + " key), "
                    + intercepts.size() + " intercept calls (" + keys(intercepts).size() + " key)"
                    + firstFailure(c);
        }
    }

    private static String firstFailure(JsonNode c) {
        for (JsonNode event : c.get("timeline")) {
            if ("ATTEMPT_FAILED".equals(event.get("type").asString())) {
                return "; first failure: " + event.get("message").asString().replaceAll("; next attempt at .*", "");
            }
        }
        return c.get("statusReason") == null || c.get("statusReason").isNull() ? ""
                : "; reason: " + c.get("statusReason").asString();
    }

    private static int times(Inject fault) {
        return switch (fault) {
            case HTTP_429, TIMEOUT, SLOW_DRIBBLE -> 1;
            default -> 2;
        };
    }

    @ParameterizedTest
    @EnumSource(Inject.class)
    void faultOnShipmentStatus(Inject fault) {
        check(fault, Call.SHIPMENT_STATUS);
    }

    @ParameterizedTest
    @EnumSource(Inject.class)
    void faultOnIntercept(Inject fault) {
        check(fault, Call.INTERCEPT);
    }

    @ParameterizedTest
    @EnumSource(Inject.class)
    void faultOnRefund(Inject fault) {
        check(fault, Call.REFUND);
    }

    private void check(Inject fault, Call call) {
        String realStatus = call == Call.INTERCEPT ? AT_FORWARDER : LOST;
        Map<Call, List<ResponseDefinitionBuilder>> faults = Map.of(call,
                Collections.nCopies(times(fault), null).stream().map(x -> fault.response(answerTo(call, realStatus)))
                        .toList());

        Run run = run(realStatus, faults);

        int failures = fault.fails() ? times(fault) : 0;
        assertThat(run.c.get("status").asString()).as(run.line(fault.label, call.name())).isEqualTo("REFUNDED");
        assertThat(attemptsFailed(run.c)).isEqualTo(failures);
        if (fault.fails()) {
            assertThat(SandboxGatewayTest.timelineText(run.c)).contains("next attempt at");
        }
        List<ServeEvent> calls = switch (call) {
            case SHIPMENT_STATUS -> run.status;
            case INTERCEPT -> run.intercepts;
            case REFUND -> run.refunds;
        };
        assertThat(calls).hasSize(times(fault) + (fault.fails() ? 1 : 0));
        assertThat(keys(run.refunds)).as("one idempotency key on every refund attempt").hasSize(1);
        assertThat(acceptedKeys(run.refunds)).as("refunds recorded by the marketplace").isEqualTo(1);
        if (call == Call.INTERCEPT) {
            assertThat(keys(run.intercepts)).as("one idempotency key on every intercept attempt").hasSize(1);
            assertThat(acceptedKeys(run.intercepts)).isEqualTo(1);
        } else {
            assertThat(run.intercepts).isEmpty();
        }
        if (fault == Inject.HTTP_429) {
            Duration gap = Duration.between(calls.get(0).getRequest().getLoggedDate().toInstant(),
                    calls.get(1).getRequest().getLoggedDate().toInstant());
            assertThat(gap).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(casesOf(run.request)).isEqualTo(1);
        report(run.line(fault.label + (fault.fails() ? " x" + times(fault) : ""), call.name().toLowerCase().replace('_', ' ')));
    }

    /**
     * Marketplace polling through every fault in a row: each failed poll is logged and the next one resumes from the
     * stored checkpoint, so the return behind the faults still becomes exactly one case.
     */
    @Test
    void marketplacePollingThroughEveryFaultLosesNothing() {
        String id = id();
        ObjectNode polled = Http.JSON.createObjectNode();
        polled.put("marketplace", "sandbox-us");
        polled.put("returnId", "POLL-" + id);
        polled.put("orderId", "ORDER-POLL-" + id);
        ObjectNode buyer = polled.putObject("buyer");
        buyer.put("name", "Polled Buyer");
        buyer.put("email", "polled-" + id.toLowerCase() + "@buyer.example");
        buyer.putObject("address").put("line1", "1 Poll Street").put("city", "Reno").put("country", "US");
        ObjectNode item = polled.putArray("items").addObject();
        item.put("sku", "SKU-POLL");
        item.put("quantity", 1);
        item.putObject("unitPrice").put("amount", "20.00").put("currency", "USD");
        String page = "{\"returns\": [" + Http.JSON.writeValueAsString(polled) + "], \"nextPageToken\": null}";
        List<Inject> faults = List.of(Inject.HTTP_500, Inject.HTTP_503, Inject.HTTP_429, Inject.TIMEOUT,
                Inject.CONNECTION_RESET, Inject.MALFORMED_CHUNK, Inject.EMPTY_RESPONSE);
        String scenario = "poll-" + id;
        faultsThenAnswer(() -> get(urlPathEqualTo(MARKETPLACE + "/returns")), scenario,
                faults.stream().map(f -> f.response(page)).toList(), answer(page));
        JsonNode c;
        try {
            c = caseWhere(polled, d -> !"ACTIVE".equals(d.get("phase").asString()));
        } finally {
            // the marketplace goes back to its default page, which other tests stub over at a lower priority
            REMOTE.getStubMappings().stream().filter(m -> scenario.equals(m.getScenarioName())).toList()
                    .forEach(REMOTE::removeStubMapping);
        }

        assertThat(casesOf(polled)).isEqualTo(1);
        assertThat(c.get("status").asString()).as("no shipment named: a person decides").isEqualTo("MANUAL_REVIEW");
        long polls = REMOTE.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(MARKETPLACE + "/returns")).count();
        assertThat(polls).isGreaterThan(faults.size());
        report("marketplace poll: " + faults.size() + " faults in a row (500, 503, 429, timeout, reset, bad chunk,"
                + " empty) -> 1 case, " + c.get("status").asString());
    }

    @Test
    void aForwarderRefusingTheInterceptIsNotAskedAgainAndTheCaseGoesToManualReview() {
        Run run = run(AT_FORWARDER, Map.of(Call.INTERCEPT, List.of(aResponse().withStatus(400)
                .withBody("{\"error\": \"waybill is not interceptable by this account\"}"))), false);

        assertThat(run.c.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(run.c.get("statusReason").asString()).startsWith("Cannot continue").contains("HTTP 400")
                .contains("not interceptable");
        assertThat(run.intercepts).hasSize(1);
        assertThat(run.refunds).isEmpty();
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> assertThat(mail.mails()).anySatisfy(m -> assertThat(m.textBody())
                .contains(run.c.get("caseId").asString()).contains("not interceptable")));
        report(run.line("HTTP 400 (permanent)", "intercept"));
    }

    @Test
    void aRefundTheMarketplaceRejectsIsNotRetried() {
        Run run = run(LOST, Map.of(Call.REFUND, List.of(aResponse().withStatus(422)
                .withBody("{\"error\": \"order already refunded\"}"))), false);

        assertThat(run.c.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(run.c.get("statusReason").asString()).startsWith("Cannot continue").contains("HTTP 422");
        assertThat(run.refunds).hasSize(1);
        report(run.line("HTTP 422 (permanent)", "refund"));
    }

    @Test
    void aForwarderThatStaysDownEndsInManualReviewAfterMaxAttempts() {
        ResponseDefinitionBuilder down = aResponse().withStatus(500).withBody("still down");
        Run run = run(LOST, Map.of(Call.SHIPMENT_STATUS, List.of(down, down, down, down, down, down)), false);

        assertThat(run.c.get("status").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(run.c.get("statusReason").asString()).startsWith("Gave up after 4 attempts").contains("HTTP 500");
        assertThat(run.status).hasSize(4);
        assertThat(run.refunds).isEmpty();
        report(run.line("HTTP 500 forever", "shipment status"));
    }

    @Test
    void headersARemoteSystemAnsweredWithNeverTravelToTheNextCallOrIntoAnEmail() {
        Run run = run(AT_FORWARDER, Map.of());
        assertThat(run.c.get("status").asString()).isEqualTo("REFUNDED");

        // every answer WireMock gave in this suite carried X-Leak, Authorization, CamelHttpUri and CamelHttpPath
        var requests = REMOTE.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getHeader("X-Leak")).as(r.getUrl()).isNull();
            assertThat(r.getHeader("Authorization")).as(r.getUrl()).isNotEqualTo("Bearer leaked-token");
            assertThat(r.getHeader("CamelHttpUri")).isNull();
            assertThat(r.getHeader("CamelHttpPath")).isNull();
            assertThat(r.getUrl()).matches("^/(mk/sandbox-us|fw/generic-express|bo)/.*").doesNotContain("evil");
        });
        String buyer = run.request.get("buyer").get("email").asString();
        await().atMost(FLOW_TIMEOUT).until(() -> mail.mails().stream().anyMatch(m -> m.isFor(buyer)));
        assertThat(mail.mails()).filteredOn(m -> m.isFor(buyer)).allSatisfy(m ->
                assertThat(new String(m.raw(), StandardCharsets.UTF_8)).doesNotContain("X-Leak")
                        .doesNotContain("leaked-token").doesNotContain("CamelHttp"));
        report("remote answers carrying X-Leak/Authorization/CamelHttpUri/CamelHttpPath on " + requests.size()
                + " calls -> none passed on to a later call or an email");
    }

    private static String answerTo(Call call, String status) {
        return switch (call) {
            case SHIPMENT_STATUS -> "{\"waybill\": \"WAYBILL\", \"status\": \"" + status + "\"}";
            case INTERCEPT -> ACCEPTED;
            case REFUND -> "{\"refundId\": \"WM-REFUND\"}";
        };
    }

    private Run run(String parcelStatus, Map<Call, List<ResponseDefinitionBuilder>> faults) {
        return run(parcelStatus, faults, true);
    }

    /** One return on forwarder generic-express through the whole flow, with the given faults before each answer. */
    private Run run(String parcelStatus, Map<Call, List<ResponseDefinitionBuilder>> faults, boolean answerAfterFaults) {
        String waybill = "GE" + id();
        ObjectNode request = SandboxGatewayTest.returnObject("sandbox-us", "USD", "52.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String returnId = request.get("returnId").asString();
        String statusAnswer = "{\"waybill\": \"" + waybill + "\", \"status\": \"" + parcelStatus + "\"}";

        stub(() -> get(urlPathEqualTo(GENERIC + "/shipments/" + waybill)), "status-" + waybill,
                faults.get(Call.SHIPMENT_STATUS), answer(statusAnswer), answerAfterFaults);
        stub(() -> post(urlPathEqualTo(GENERIC + "/intercepts"))
                        .withRequestBody(matchingJsonPath("$.waybill", equalTo(waybill))), "intercept-" + waybill,
                faults.get(Call.INTERCEPT), answer(ACCEPTED), answerAfterFaults);
        stub(() -> post(urlPathEqualTo(MARKETPLACE + "/refunds"))
                        .withRequestBody(matchingJsonPath("$.returnId", equalTo(returnId))), "refund-" + returnId,
                faults.get(Call.REFUND), answer("{\"refundId\": \"WM-" + returnId + "\"}"), answerAfterFaults);

        assertThat(api.post("/api/returns", request).status()).isEqualTo(202);
        JsonNode c = settled(request);
        return new Run(request, waybill, c, received("GET", GENERIC + "/shipments/" + waybill, null),
                received("POST", GENERIC + "/intercepts", waybill), received("POST", MARKETPLACE + "/refunds", returnId));
    }

    private static void stub(Supplier<MappingBuilder> request, String scenario, List<ResponseDefinitionBuilder> faults,
                             ResponseDefinitionBuilder ok, boolean answerAfterFaults) {
        if (faults == null) {
            REMOTE.stubFor(request.get().atPriority(2).willReturn(ok));
            return;
        }
        faultsThenAnswer(request, scenario, faults, answerAfterFaults ? ok : faults.get(faults.size() - 1));
    }
}

package com.returnsgateway.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.returnsgateway.adapter.generic.GenericBackOffice;
import com.returnsgateway.core.cases.CaseRepository;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every call to a remote system of the HTTP contract carries that system's credentials from configuration (bearer
 * token, API key header, Basic), none of them reaches a log line; and a marketplace page past the size limit is read
 * no further, and quarantined once however often it is polled.
 */
class RemoteCredentialsIT extends FaultInjectionTest {

    @Autowired
    GenericBackOffice backOffice;

    @Autowired
    CaseRepository cases;

    @Test
    void everyCallCarriesItsSystemsCredentialsAndNoLogLineShowsThem() {
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            String waybill = "GE" + id();
            REMOTE.stubFor(get(urlPathEqualTo(GENERIC + "/shipments/" + waybill))
                    .willReturn(answer("{\"waybill\": \"" + waybill + "\", \"status\": \"Pending\"}")));
            ObjectNode request = SandboxGatewayTest.returnObject("sandbox-us", "USD", "30.00",
                    Map.of("forwarder", "generic-express", "waybill", waybill));
            assertThat(api.post("/api/returns", request).status()).isEqualTo(202);
            JsonNode c = caseWhere(request, d -> "REFUNDED".equals(d.get("status").asString()));

            assertThat(backOffice.reship(cases.find(c.get("caseId").asString()).orElseThrow(), "reship-key-" + waybill))
                    .isEqualTo("WM-RESHIP");

            assertThat(requests("GET", MARKETPLACE + "/returns")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + MARKETPLACE_TOKEN));
            assertThat(requests("POST", MARKETPLACE + "/refunds")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + MARKETPLACE_TOKEN));
            assertThat(requests("GET", GENERIC + "/shipments/" + waybill)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getHeader("X-Api-Key")).isEqualTo(GENERIC_API_KEY));
            assertThat(requests("POST", GENERIC + "/intercepts")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getHeader("X-Api-Key")).isEqualTo(GENERIC_API_KEY));
            assertThat(requests("POST", BACK_OFFICE + "/reships")).singleElement().satisfies(r ->
                    assertThat(r.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                            .encodeToString(("seller-42:" + BACK_OFFICE_PASSWORD).getBytes(StandardCharsets.UTF_8))));
            // one system's credentials never go to another
            assertThat(requests("GET", GENERIC + "/shipments/" + waybill))
                    .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isNull());
        } finally {
            stopCapturing(logs);
        }
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(MARKETPLACE_TOKEN, GENERIC_API_KEY, BACK_OFFICE_PASSWORD));
        report("credentials: bearer (marketplace), API key header (forwarder), Basic (back office) on every call; "
                + "none logged");
    }

    @Test
    void aPageOverTheLimitIsReadNoFurtherAndQuarantinedOnceHoweverOftenItIsPolled() {
        long before = newestQuarantineId();
        String huge = "{\"returns\": [], \"padding\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}";
        StubMapping oversized = REMOTE.stubFor(get(urlPathEqualTo(MARKETPLACE + "/returns")).atPriority(2)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(huge)));
        int polled = requests("GET", MARKETPLACE + "/returns").size();
        try {
            await().atMost(FLOW_TIMEOUT).until(() -> requests("GET", MARKETPLACE + "/returns").size() >= polled + 3);
        } finally {
            REMOTE.removeStubMapping(oversized);
        }

        List<JsonNode> kept = quarantinedSince(before);
        assertThat(kept).as("the same page, polled three times or more, is kept once").singleElement()
                .satisfies(entry -> {
                    assertThat(entry.get("source").asString()).isEqualTo("marketplace:sandbox-us");
                    assertThat(entry.get("reason").asString()).contains("at most 4194304 bytes are accepted")
                            .contains("reading stopped there");
                    assertThat(entry.has("payload")).as("the list leaves payloads out").isFalse();
                });
        JsonNode detail = api.get("/api/quarantine/" + kept.get(0).get("id").asLong()).json();
        assertThat(detail.get("payload").asString()).startsWith("{\"returns\": [], \"padding\": \"xxx")
                .hasSizeLessThanOrEqualTo(1_000_000);
        report("marketplace page of 6 MB polled 3+ times -> read up to 4 MB each time, quarantined once");
    }

    private static List<LoggedRequest> requests(String method, String path) {
        return received(method, path, null).stream().map(ServeEvent::getRequest).toList();
    }

    private long newestQuarantineId() {
        JsonNode entries = api.get("/api/quarantine?size=1").json().get("entries");
        return entries.isEmpty() ? 0 : entries.get(0).get("id").asLong();
    }

    private List<JsonNode> quarantinedSince(long id) {
        JsonNode page = api.get("/api/quarantine?size=200").json();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(page.get("entries").size());
        List<JsonNode> newer = new java.util.ArrayList<>();
        page.get("entries").forEach(e -> {
            if (e.get("id").asLong() > id) {
                newer.add(e);
            }
        });
        return newer;
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root().addAppender(captured);
        return captured;
    }

    private static void stopCapturing(ListAppender<ILoggingEvent> captured) {
        root().detachAppender(captured);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}

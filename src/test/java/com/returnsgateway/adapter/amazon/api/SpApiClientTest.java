package com.returnsgateway.adapter.amazon.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.returnsgateway.adapter.amazon.AmazonBackoff;
import com.returnsgateway.adapter.amazon.AmazonFinances;
import com.returnsgateway.adapter.amazon.format.RefundEvents;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.testsupport.MutableClock;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.TestGatewayProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The SP-API client against a WireMock stand-in for Login with Amazon and the SP-API. */
class SpApiClientTest {

    private static final String TOKEN_BODY = """
            {"access_token":"Atza|first","token_type":"bearer","expires_in":3600}""";

    private final WireMockServer amazon = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private SpApiClient client;

    @BeforeEach
    void start() {
        amazon.start();
        amazon.stubFor(post("/auth/o2/token").willReturn(okJson(TOKEN_BODY)));
        AmazonAccount account = new AmazonAccount("na", amazon.baseUrl() + "/sp",
                amazon.baseUrl() + "/auth/o2/token", "client", "secret", "Atzr|refresh", "SELLER",
                List.of("ATVPDKIKX0DER"), true, "", "en-US", Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofMinutes(2), 2000, null, null);
        GatewayProperties properties = TestGatewayProperties.withMarketplaces(
                Map.of("amazon-us", new GatewayProperties.Marketplace(null, "US", true, "amazon")));
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LwaTokens lwa = new LwaTokens(http, json, clock, Duration.ofSeconds(5));
        client = new SpApiClient(new AmazonAccounts(properties, Map.of("amazon-us", account)), lwa, http, json, clock,
                new SpApiClient.Settings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(1),
                        Duration.ofHours(1), Map.of(), new DocumentHosts(List.of("*.amazonaws.com",
                        amazon.baseUrl())), new DocumentLimits(64 * 1024, 256 * 1024)), wait -> {
                    pauses.add(wait);
                    clock.advance(wait); // waiting takes time: the buckets refill meanwhile
                });
    }

    @AfterEach
    void stop() {
        amazon.stop();
    }

    @Test
    void theAccessTokenIsExchangedOnceAndSentWithEveryCallUntilShortlyBeforeItExpires() {
        amazon.stubFor(get(urlPathEqualTo("/sp/reports/2021-06-30/reports/1")).willReturn(okJson("""
                {"reportId":"1","processingStatus":"IN_QUEUE"}""")));

        for (int i = 0; i < 3; i++) {
            assertThat(client.get("amazon-us", SpApiOperation.GET_REPORT, "/reports/2021-06-30/reports/1")
                    .text("processingStatus")).isEqualTo("IN_QUEUE");
        }
        amazon.verify(1, postRequestedFor(urlEqualTo("/auth/o2/token"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=Atzr%7Crefresh&client_id=client"
                        + "&client_secret=secret")));
        amazon.verify(3, getRequestedFor(urlPathEqualTo("/sp/reports/2021-06-30/reports/1"))
                .withHeader("x-amz-access-token", equalTo("Atza|first")));

        clock.advance(Duration.ofMinutes(56)); // within five minutes of the hour: renewed before it can expire
        client.get("amazon-us", SpApiOperation.GET_REPORT, "/reports/2021-06-30/reports/1");
        amazon.verify(2, postRequestedFor(urlEqualTo("/auth/o2/token")));
    }

    @Test
    void a429EndsTheCallCarryingTheWaitAndNothingIsSentBeforeItIsOver() {
        amazon.stubFor(post("/sp/feeds/2021-06-30/documents").inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("once")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("""
                        {"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""")));
        amazon.stubFor(post("/sp/feeds/2021-06-30/documents").inScenario("throttled")
                .whenScenarioStateIs("once").willSetStateTo("twice")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        amazon.stubFor(post("/sp/feeds/2021-06-30/documents").inScenario("throttled")
                .whenScenarioStateIs("twice")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"feedDocumentId\":\"amzn1.tortuga.4.na.1\",\"url\":\"https://s3/x\"}")));

        // no Retry-After: the emptied bucket (0.5/s) needs 2 s, longer than the 1 s backoff
        assertThat(createFeedDocumentFails()).isEqualTo(Duration.ofSeconds(2));
        // called again at once: refused here, Amazon is not asked (no hammering after a 429)
        assertThat(createFeedDocumentFails()).isEqualTo(Duration.ofSeconds(2));
        amazon.verify(1, postRequestedFor(urlEqualTo("/sp/feeds/2021-06-30/documents")));

        clock.advance(Duration.ofSeconds(2));
        assertThat(createFeedDocumentFails()).as("Amazon's Retry-After").isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(6));
        assertThat(createFeedDocumentFails()).isEqualTo(Duration.ofSeconds(1));
        amazon.verify(2, postRequestedFor(urlEqualTo("/sp/feeds/2021-06-30/documents")));

        clock.advance(Duration.ofSeconds(1));
        SpApiClient.Response response = client.post("amazon-us", SpApiOperation.CREATE_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents", Map.of("contentType", "text/xml; charset=UTF-8"));
        assertThat(response.text("feedDocumentId")).isEqualTo("amzn1.tortuga.4.na.1");
        assertThat(pauses).as("no thread slept for Amazon").isEmpty();
    }

    /** createFeedDocument, which must fail as throttled; returns the wait it carries. */
    private Duration createFeedDocumentFails() {
        try {
            client.post("amazon-us", SpApiOperation.CREATE_FEED_DOCUMENT, "/feeds/2021-06-30/documents",
                    Map.of("contentType", "text/xml; charset=UTF-8"));
        } catch (SpApiException e) {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.status()).isEqualTo(429);
            return e.retryAfter();
        }
        throw new AssertionError("createFeedDocument went through");
    }

    @Test
    void aThrottledCallIsATransientFailureNamingTheOperationAndSentOnce() {
        amazon.stubFor(get(urlPathEqualTo("/sp/reports/2021-06-30/reports/9")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}""")));

        assertThatThrownBy(() -> client.get("amazon-us", SpApiOperation.GET_REPORT, "/reports/2021-06-30/reports/9"))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.getMessage()).contains("getReport", "QuotaExceeded", "throttled, tried again in 1 s");
                });
        amazon.verify(1, getRequestedFor(urlPathEqualTo("/sp/reports/2021-06-30/reports/9")));
        assertThat(pauses).isEmpty();
    }

    @Test
    void a429WithRetryAfter120OnCreateFeedRestsTheFeedCycleThatLongWithNoThreadSleeping() {
        amazon.stubFor(post("/sp/feeds/2021-06-30/feeds").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")));
        AmazonBackoff backoff = new AmazonBackoff(clock, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(1));

        SpApiException throttled = catchThrowableOfType(SpApiException.class, () -> client.post("amazon-us",
                SpApiOperation.CREATE_FEED, "/feeds/2021-06-30/feeds", Map.of("feedType",
                        "POST_PAYMENT_ADJUSTMENT_DATA")));
        backoff.failed("feed:amazon-us", throttled); // what the amazon-errors policy does with it

        // Amazon's 120 s, or the half second more createFeed's own bucket (one token per 120.5 s) needs
        assertThat(throttled.retryAfter()).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(121));
        assertThat(pauses).as("no thread slept for Amazon").isEmpty();
        assertThat(client.canCallNow("amazon-us", SpApiOperation.CREATE_FEED)).isFalse();
        clock.advance(Duration.ofSeconds(119));
        assertThat(backoff.due("feed:amazon-us")).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(backoff.due("feed:amazon-us")).isTrue();
        assertThat(client.canCallNow("amazon-us", SpApiOperation.CREATE_FEED)).isTrue();
        amazon.verify(1, postRequestedFor(urlEqualTo("/sp/feeds/2021-06-30/feeds")));
    }

    @Test
    void aRetryAfterOfTwoDaysIsCappedAtTheMaximum() {
        amazon.stubFor(get(urlPathEqualTo("/sp/reports/2021-06-30/reports/2")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", Long.toString(Duration.ofDays(2).toSeconds()))));

        assertThatThrownBy(() -> client.get("amazon-us", SpApiOperation.GET_REPORT, "/reports/2021-06-30/reports/2"))
                .isInstanceOfSatisfying(SpApiException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(1));
        assertThat(client.canCallNow("amazon-us", SpApiOperation.GET_REPORT)).isTrue();
    }

    @Test
    void afterA429OnCreateFeedTheNextTryWaitsForTheBucketInsteadOfHammering() {
        amazon.stubFor(post("/sp/feeds/2021-06-30/feeds").willReturn(aResponse().withStatus(429)));

        // createFeed refills one token per 120 s: the call ends carrying that wait, and the feed waits for a later poll
        assertThatThrownBy(() -> client.post("amazon-us", SpApiOperation.CREATE_FEED, "/feeds/2021-06-30/feeds",
                Map.of("feedType", "POST_PAYMENT_ADJUSTMENT_DATA")))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
                    assertThat(e.getMessage()).contains("createFeed", "tried again in");
                });
        amazon.verify(1, postRequestedFor(urlEqualTo("/sp/feeds/2021-06-30/feeds")));
        assertThat(client.canCallNow("amazon-us", SpApiOperation.CREATE_FEED)).isFalse();
    }

    @Test
    void theGatewayDoesNotOutrunTheBucketItKnows() {
        amazon.stubFor(post("/sp/reports/2021-06-30/reports").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"reportId\":\"1\"}")));
        for (int i = 0; i < 15; i++) {
            client.post("amazon-us", SpApiOperation.CREATE_REPORT, "/reports/2021-06-30/reports", Map.of());
        }

        // the 16th createReport would wait a minute (0.0167/s): longer than max-rate-wait, so it is left for later
        assertThat(client.canCallNow("amazon-us", SpApiOperation.CREATE_REPORT)).isFalse();
        assertThatThrownBy(() -> client.post("amazon-us", SpApiOperation.CREATE_REPORT,
                "/reports/2021-06-30/reports", Map.of()))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
                    assertThat(e.getMessage()).contains("createReport", "rate limit");
                });
        amazon.verify(15, postRequestedFor(urlEqualTo("/sp/reports/2021-06-30/reports")));
    }

    @Test
    void financialEventsOfAnOrderAreAskedWithTheAccessTokenAndTheirOwnBucket() {
        amazon.stubFor(get(urlPathEqualTo("/sp/finances/v0/orders/113-1/financialEvents"))
                .willReturn(okJson("{\"payload\":{\"FinancialEvents\":{}}}")));

        client.financialEventsByOrderId("amazon-us", "113-1", null);
        client.financialEventsByOrderId("amazon-us", "113-1", "a+b/c=");
        // no restricted data token: refunds are no buyer data
        amazon.verify(2, getRequestedFor(urlPathEqualTo("/sp/finances/v0/orders/113-1/financialEvents"))
                .withHeader("x-amz-access-token", equalTo("Atza|first")));
        amazon.verify(1, getRequestedFor(urlEqualTo("/sp/finances/v0/orders/113-1/financialEvents?NextToken=a%2Bb%2Fc%3D")));

        // Amazon's plan for listFinancialEventsByOrderId: burst 30, then one call every 2 s, longer than a worker waits
        for (int i = 2; i < 30; i++) {
            client.financialEventsByOrderId("amazon-us", "113-1", null);
        }
        SpApiException spent = catchThrowableOfType(SpApiException.class,
                () -> client.financialEventsByOrderId("amazon-us", "113-1", null));
        assertThat(spent.isTransient()).isTrue();
        assertThat(spent.getMessage()).contains("listFinancialEventsByOrderId", "0.5 requests/s");
        amazon.verify(30, getRequestedFor(urlPathEqualTo("/sp/finances/v0/orders/113-1/financialEvents")));
    }

    @Test
    void theRefundsOfAnOrderAreReadOverEveryPageWhicheverSignTheirAmountsHave() {
        amazon.stubFor(get(urlEqualTo("/sp/finances/v0/orders/113-2/financialEvents")).willReturn(okJson("""
                {"payload":{"NextToken":"page2","FinancialEvents":{"RefundEventList":[{"AmazonOrderId":"113-2",
                 "PostedDate":"2026-11-20T10:00:00Z","ShipmentItemAdjustmentList":[{"SellerSKU":"MUG-1",
                 "OrderAdjustmentItemId":"a1","QuantityShipped":1,"ItemChargeAdjustmentList":[
                 {"ChargeType":"Principal","ChargeAmount":{"CurrencyCode":"USD","CurrencyAmount":-12.5}},
                 {"ChargeType":"Tax","ChargeAmount":{"CurrencyCode":"USD","CurrencyAmount":-1.0}}]}]}]}}}""")));
        amazon.stubFor(get(urlEqualTo("/sp/finances/v0/orders/113-2/financialEvents?NextToken=page2"))
                .willReturn(okJson("""
                {"payload":{"FinancialEvents":{"RefundEventList":[{"AmazonOrderId":"113-2",
                 "PostedDate":"2026-11-21T10:00:00Z","ShipmentItemAdjustmentList":[{"SellerSKU":"MUG-1",
                 "ItemChargeAdjustmentList":[
                 {"ChargeType":"Principal","ChargeAmount":{"CurrencyCode":"USD","CurrencyAmount":"7.50"}}]}]}]}}}""")));

        List<RefundEvents.Event> events = new AmazonFinances(client).refundEvents("amazon-us", "113-2");

        assertThat(events).extracting(RefundEvents.Event::postedDate)
                .containsExactly("2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z");
        assertThat(events).flatExtracting(RefundEvents.Event::items).extracting(i -> i.sku() + " " + i.principal())
                .containsExactly("MUG-1 12.50 USD", "MUG-1 7.50 USD");
    }

    @Test
    void financialEventsThatCannotBeReadArePermanentNotNothingRefunded() {
        amazon.stubFor(get(urlPathEqualTo("/sp/finances/v0/orders/113-3/financialEvents")).willReturn(okJson("""
                {"payload":{"FinancialEvents":{"RefundEventList":[{"PostedDate":"2026-11-20T10:00:00Z",
                 "ShipmentItemAdjustmentList":[{"SellerSKU":"MUG-1","ItemChargeAdjustmentList":[
                 {"ChargeType":"Principal","ChargeAmount":{"CurrencyAmount":-12.5}}]}]}]}}}""")));

        assertThatThrownBy(() -> new AmazonFinances(client).refundEvents("amazon-us", "113-3"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("order 113-3", "cannot tell what Amazon already refunded",
                            "Principal of SKU MUG-1");
                });
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
        amazon.stubFor(get(urlPathEqualTo("/sp/orders/v0/orders/1")).inScenario("expired")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("renewed")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
                        {"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.",
                        "details":"The access token you provided has expired."}]}""")));
        amazon.stubFor(get(urlPathEqualTo("/sp/orders/v0/orders/1")).inScenario("expired")
                .whenScenarioStateIs("renewed").willReturn(okJson("{\"payload\":{\"AmazonOrderId\":\"1\"}}")));

        assertThat(client.get("amazon-us", SpApiOperation.GET_ORDER, "/orders/v0/orders/1").json()
                .path("payload").path("AmazonOrderId").asString()).isEqualTo("1");
        amazon.verify(2, postRequestedFor(urlEqualTo("/auth/o2/token")));
    }

    @Test
    void aRefusedRoleIsAPermanentAccessDeniedWithAmazonsMessage() {
        amazon.stubFor(post("/sp/tokens/2021-03-01/restrictedDataToken").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors":[{"code":"Unauthorized","message":"Application does not have access to one or more requested data elements: [buyerInfo]"}]}""")));

        assertThatThrownBy(() -> client.post("amazon-us", SpApiOperation.CREATE_RESTRICTED_DATA_TOKEN,
                "/tokens/2021-03-01/restrictedDataToken", Map.of()))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.isAccessDenied()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Amazon amazon-us createRestrictedDataToken answered HTTP 403:"
                            + " Unauthorized: Application does not have access to one or more requested data"
                            + " elements: [buyerInfo]");
                });
    }

    @Test
    void refusedCredentialsSayWhichAccountAndWhatToCheck() {
        amazon.stubFor(post("/auth/o2/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The request has an invalid grant parameter : refresh_token\"}")));

        assertThatThrownBy(() -> client.get("amazon-us", SpApiOperation.GET_REPORT, "/reports/2021-06-30/reports/1"))
                .isInstanceOfSatisfying(SpApiException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("Login with Amazon refused the credentials of amazon-us (HTTP"
                            + " 400, invalid_grant: The request has an invalid grant parameter : refresh_token); check"
                            + " its client-id, client-secret and refresh-token");
                });
    }

    @Test
    void aDocumentUrlToAnotherHostIsRefusedNamingTheHostAndNotFollowed() {
        documentAt("https://attacker.example/report.gz");

        assertThatThrownBy(this::readDocument).isInstanceOfSatisfying(SpApiException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Amazon amazon-us: the URL of the returns report document 7 leads to"
                    + " https://attacker.example, which gateway.amazon-api.document-hosts [*.amazonaws.com, "
                    + amazon.baseUrl() + "] does not allow (https to a listed host only); not followed");
        });
    }

    @Test
    void aDocumentUrlOverPlainHttpIsRefusedEvenToAmazonsHosts() {
        documentAt("http://tortuga-prod-na.s3-external-1.amazonaws.com/report.gz");

        assertThatThrownBy(this::readDocument).isInstanceOfSatisfying(SpApiException.class, e -> assertThat(
                e.getMessage()).contains("leads to http://tortuga-prod-na.s3-external-1.amazonaws.com, which"));
    }

    @Test
    void aGzipBombEndsAsAClearFailureAtTheUnpackedLimit() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 32; i++) {
                gzip.write(zeros); // 32 MB of zeros pack into about 32 KB
            }
        }
        amazon.stubFor(get("/s3/bomb.gz").willReturn(aResponse().withStatus(200).withBody(bomb.toByteArray())));
        documentAt(amazon.baseUrl() + "/s3/bomb.gz");

        assertThat(bomb.size()).as("small on the wire").isLessThan(64 * 1024);
        assertThatThrownBy(this::readDocument).isInstanceOfSatisfying(SpApiException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Amazon amazon-us: the returns report document 7 was not read: it"
                    + " unpacks to more than 262144 bytes (gateway.amazon-api.max-unpacked-document-size)");
        });
    }

    @Test
    void aDocumentLargerThanTheLimitIsNotRead() throws IOException {
        byte[] noise = new byte[100 * 1024];
        new java.util.Random(7).nextBytes(noise);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(noise); // does not pack: over 64 KB on the wire
        }
        amazon.stubFor(get("/s3/big.gz").willReturn(aResponse().withStatus(200).withBody(packed.toByteArray())));
        documentAt(amazon.baseUrl() + "/s3/big.gz");

        assertThatThrownBy(this::readDocument).isInstanceOfSatisfying(SpApiException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).startsWith("Amazon amazon-us: the returns report document 7 was not read: it")
                    .contains("than 65536", "(gateway.amazon-api.max-document-size)");
        });
    }

    @Test
    void aDocumentWithinTheLimitsIsUnpacked() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write("Order ID\tAmazon RMA ID\n".getBytes(StandardCharsets.UTF_8));
        }
        amazon.stubFor(get("/s3/report.gz").willReturn(aResponse().withStatus(200).withBody(packed.toByteArray())));
        documentAt(amazon.baseUrl() + "/s3/report.gz");

        assertThat(new String(readDocument(), StandardCharsets.UTF_8)).isEqualTo("Order ID\tAmazon RMA ID\n");
    }

    private void documentAt(String url) {
        amazon.stubFor(get(urlPathEqualTo("/sp/reports/2021-06-30/documents/7")).willReturn(okJson(
                "{\"reportDocumentId\":\"7\",\"url\":\"" + url + "\",\"compressionAlgorithm\":\"GZIP\"}")));
    }

    private byte[] readDocument() {
        return client.document("amazon-us", SpApiOperation.GET_REPORT_DOCUMENT, "/reports/2021-06-30/documents/7",
                "returns report document 7");
    }
}

package com.returnsgateway.adapter.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.api.DocumentHosts;
import com.returnsgateway.adapter.amazon.api.DocumentLimits;
import com.returnsgateway.adapter.amazon.api.LwaTokens;
import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.testsupport.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * getOrder for an order Amazon does not know, against a WireMock stand-in for the SP-API: Amazon documents a 404
 * NotFound and a 400 InvalidInput about the order id; both mean "no such order", any other 400 fails the call.
 */
class AmazonOrdersFetchTest {

    private static final String ORDER_ID = "113-0000000-0000000";
    private static final String ORDER_PATH = "/sp/orders/v0/orders/" + ORDER_ID;

    private final WireMockServer amazon = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private AmazonOrders orders;

    @BeforeEach
    void start() {
        amazon.start();
        amazon.stubFor(post("/auth/o2/token").willReturn(okJson("""
                {"access_token":"Atza|first","token_type":"bearer","expires_in":3600}""")));
        // without the PII role: getOrder goes out with the plain access token, no restricted data token first
        AmazonAccount account = new AmazonAccount("na", amazon.baseUrl() + "/sp",
                amazon.baseUrl() + "/auth/o2/token", "client", "secret", "Atzr|refresh", "SELLER",
                List.of("ATVPDKIKX0DER"), false, "", "en-US", Duration.ofMinutes(15), Duration.ofDays(30),
                Duration.ofMinutes(2), 2000, null, null);
        GatewayProperties properties = TestGatewayProperties.withMarketplaces(
                Map.of("amazon-us", new GatewayProperties.Marketplace(null, "US", true, "amazon")));
        AmazonAccounts accounts = new AmazonAccounts(properties, Map.of("amazon-us", account));
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SpApiClient client = new SpApiClient(accounts, new LwaTokens(http, json, clock, Duration.ofSeconds(5)), http,
                json, clock, new SpApiClient.Settings(Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofHours(1), Map.of(), new DocumentHosts(List.of(amazon.baseUrl())),
                new DocumentLimits(64 * 1024, 256 * 1024)), wait -> clock.advance(wait));
        // an unknown order is never stored, so no database is reached: a data source without a database will do
        JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource());
        orders = new AmazonOrders(client, accounts, jdbc, json, clock);
    }

    @AfterEach
    void stop() {
        amazon.stop();
    }

    /** The newest stub wins in WireMock, so a test can change the answer. */
    private void getOrderAnswers(int status, String body) {
        amazon.stubFor(get(urlPathEqualTo(ORDER_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void a404NotFoundMeansAmazonDoesNotKnowTheOrder() {
        getOrderAnswers(404, """
                {"errors":[{"code":"NotFound","message":"Order 113-0000000-0000000 not found.","details":""}]}""");

        assertThat(orders.fetch("amazon-us", ORDER_ID)).isEmpty();
        amazon.verify(1, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
    }

    @Test
    void a400InvalidInputAboutTheOrderIdMeansAmazonDoesNotKnowTheOrderToo() {
        for (String message : List.of("Invalid AmazonOrderId: 113-0000000-0000000", "Invalid order ID.",
                "113-0000000-0000000 is not a valid value")) {
            getOrderAnswers(400, "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"" + message
                    + "\",\"details\":\"\"}]}");

            assertThat(orders.fetch("amazon-us", ORDER_ID)).as(message).isEmpty();
            clock.advance(Duration.ofSeconds(2)); // getOrder's bucket: 0.5/s
        }
    }

    @Test
    void another400StillFailsTheCall() {
        getOrderAnswers(400, """
                {"errors":[{"code":"InvalidInput","message":"Invalid Input: MarketplaceIds","details":""}]}""");
        SpApiException e = catchThrowableOfType(SpApiException.class, () -> orders.fetch("amazon-us", ORDER_ID));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.errorMessage()).isEqualTo("Invalid Input: MarketplaceIds");

        clock.advance(Duration.ofSeconds(2));
        getOrderAnswers(400, """
                {"errors":[{"code":"InvalidParameterValue","message":"Invalid AmazonOrderId","details":""}]}""");
        assertThat(catchThrowableOfType(SpApiException.class, () -> orders.fetch("amazon-us", ORDER_ID)).status())
                .as("a 400 whose code is not InvalidInput").isEqualTo(400);
    }
}

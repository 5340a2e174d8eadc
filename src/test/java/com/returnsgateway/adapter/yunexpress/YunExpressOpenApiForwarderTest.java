package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.testsupport.RemoteCallHarness;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI adapter against a WireMock stand-in answering as YunExpress's OpenAPI does. */
class YunExpressOpenApiForwarderTest {

    private static final String TRACK = "/v1/track-service/info/get";
    private static final String WAYBILL = "YT2611250002001";
    /** 2025-11-25T08:00:00Z: the {@code date} every call carries, fixed so its signature can be written down. */
    private static final long DATE = 1764057600000L;

    private static RemoteCallHarness route;
    private final WireMockServer openApi = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(DATE));
    private YunExpressOpenApiForwarder adapter;

    @BeforeAll
    static void route() throws Exception {
        route = new RemoteCallHarness();
    }

    @AfterAll
    static void closeRoute() {
        route.close();
    }

    @BeforeEach
    void start() {
        openApi.start();
        openApi.stubFor(post("/openapi/oauth2/token").willReturn(okJson("""
                {"accessToken":"tok-1","expiresIn":7200}""")));
        GatewayProperties properties = TestGatewayProperties.with(Map.of("yto", new GatewayProperties.Forwarder(
                "yunexpress-openapi", openApi.baseUrl(), "yunexpress-openapi")), Map.of());
        YunExpressAccounts accounts = new YunExpressAccounts(Map.of(),
                Map.of("yto", new OpenApiSettings("sandbox-yunexpress-app", "sandbox-openapi-app-secret")));
        adapter = new YunExpressOpenApiForwarder(properties, accounts, route.calls(), JsonMapper.builder().build(),
                clock);
    }

    @AfterEach
    void stop() {
        openApi.stop();
    }

    @Test
    void aHoldIsSignedOverItsBodyAndAcceptedOnSuccessTrue() {
        openApi.stubFor(post("/v1/order/hold").willReturn(okJson("""
                {"success":true,"code":"0","msg":"success","request_id":"r1","result":{"waybill_number":"YT2611250002001"}}""")));

        ForwarderPort.InterceptAnswer answer = adapter.intercept("yto",
                new ForwarderPort.InterceptRequest("case-1", WAYBILL, "case-1:intercept", "return SBX-1026"));

        assertThat(answer.outcome()).isEqualTo(new InterceptOutcome(InterceptOutcome.Result.ACCEPTED, "0", "success"));
        openApi.verify(postRequestedFor(urlEqualTo("/openapi/oauth2/token")).withRequestBody(equalToJson("""
                {"grantType":"client_credentials","appId":"sandbox-yunexpress-app","appSecret":"sandbox-openapi-app-secret"}""")));
        openApi.verify(postRequestedFor(urlEqualTo("/v1/order/hold"))
                .withHeader("token", equalTo("tok-1"))
                .withHeader("date", equalTo("1764057600000"))
                // Base64(HMAC-SHA256) of the literal in YunExpressSignatureTest, worked out with Python's hmac
                .withHeader("sign", equalTo("9oB6s+e4neCl3FE+HCwAgU1SAYJnZQWj4ea8nBiMUrI="))
                .withRequestBody(equalTo("{\"waybill_number\":\"YT2611250002001\",\"remark\":\"return SBX-1026\"}")));
    }

    @Test
    void successFalseIsARejectedHoldWithCodeAndMessage() {
        openApi.stubFor(post("/v1/order/hold").willReturn(okJson("""
                {"success":false,"code":"40010","msg":"the order has been shipped and cannot be held","request_id":"r2","result":null}""")));

        assertThat(adapter.intercept("yto", request()).outcome()).isEqualTo(new InterceptOutcome(
                InterceptOutcome.Result.REJECTED, "40010", "the order has been shipped and cannot be held"));
    }

    @Test
    void theTrackResultIsReadAsOneObject() {
        openApi.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("""
                {"success":true,"code":"0","msg":"success","request_id":"r3",
                 "result":{"waybill_number":"YT2611250002001","order_number":"YT2611250002001","package_status":"T"}}""")));

        ForwarderPort.ParcelStatus status = adapter.status("yto", WAYBILL);

        assertThat(status.known()).isTrue();
        assertThat(status.code()).isEqualTo("T");
        openApi.verify(getRequestedFor(urlEqualTo(TRACK + "?order_number=" + WAYBILL))
                .withHeader("token", equalTo("tok-1"))
                .withHeader("date", equalTo("1764057600000"))
                .withHeader("sign", equalTo("yZSgGK2YYyl0I+ISjxomhle/3Ai4YICGQiixo8iVeHI=")));
    }

    @Test
    void theTrackResultIsReadAsAListTakingTheEntryOfTheWaybill() {
        openApi.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("""
                {"success":true,"code":"0","msg":"success","request_id":"r4",
                 "result":[{"waybill_number":"YT0000000000009","package_status":"D"},
                           {"waybill_number":"YT2611250002001","package_status":"R"}]}""")));

        assertThat(adapter.status("yto", WAYBILL).code()).isEqualTo("R");
    }

    @Test
    void anEmptyResultIsAnUnknownWaybill() {
        openApi.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("""
                {"success":true,"code":"0","msg":"success","request_id":"r5","result":[]}""")));
        assertThat(adapter.status("yto", WAYBILL).known()).isFalse();

        openApi.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("""
                {"success":true,"code":"0","msg":"success","request_id":"r6","result":null}""")));
        assertThat(adapter.status("yto", WAYBILL).known()).isFalse();
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpires() {
        openApi.stubFor(get(urlPathEqualTo(TRACK)).willReturn(okJson("""
                {"success":true,"result":{"waybill_number":"YT2611250002001","package_status":"F"}}""")));

        adapter.status("yto", WAYBILL);
        clock.advance(Duration.ofMinutes(118));
        adapter.status("yto", WAYBILL);
        openApi.verify(1, postRequestedFor(urlEqualTo("/openapi/oauth2/token")));

        clock.advance(Duration.ofMinutes(1)); // within the last minute of its two hours
        adapter.status("yto", WAYBILL);
        openApi.verify(2, postRequestedFor(urlEqualTo("/openapi/oauth2/token")));
    }

    @Test
    void a401FetchesANewTokenAndSendsTheCallOnceMore() {
        openApi.stubFor(post("/openapi/oauth2/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(okJson("{\"accessToken\":\"tok-1\",\"expiresIn\":7200}")));
        openApi.stubFor(post("/openapi/oauth2/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("""
                        {"success":true,"code":"0","msg":"success","result":{"accessToken":"tok-2","expiresIn":7200}}""")));
        openApi.stubFor(get(urlPathEqualTo(TRACK)).withHeader("token", equalTo("tok-1")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"success":false,"code":"401","msg":"token is invalid or expired","result":null}""")));
        openApi.stubFor(get(urlPathEqualTo(TRACK)).withHeader("token", equalTo("tok-2")).willReturn(okJson("""
                {"success":true,"result":{"waybill_number":"YT2611250002001","package_status":"D"}}""")));

        assertThat(adapter.status("yto", WAYBILL).code()).isEqualTo("D");
        openApi.verify(2, postRequestedFor(urlEqualTo("/openapi/oauth2/token")));
        openApi.verify(1, getRequestedFor(urlPathEqualTo(TRACK)).withHeader("token", equalTo("tok-2")));
    }

    @Test
    void a401AfterANewTokenOrA403IsRefusedCredentials() {
        openApi.stubFor(get(urlPathEqualTo(TRACK)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"success":false,"code":"401","msg":"token is invalid or expired","result":null}""")));
        RemoteCallException expired = catchThrowableOfType(RemoteCallException.class,
                () -> adapter.status("yto", WAYBILL));
        assertThat(expired.refusedCredentialsOf()).isEqualTo("forwarder yto");
        openApi.verify(2, getRequestedFor(urlPathEqualTo(TRACK)));

        openApi.stubFor(post("/v1/order/hold").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"success":false,"code":"403","msg":"sign does not match","result":null}""")));
        RemoteCallException badSign = catchThrowableOfType(RemoteCallException.class,
                () -> adapter.intercept("yto", request()));
        assertThat(badSign.refusedCredentialsOf()).isEqualTo("forwarder yto");
        assertThat(badSign.getMessage()).contains("sign does not match").contains("yunexpress-openapi.app-id and .app-secret");
    }

    @Test
    void aRefusedAppIdOrSecretAtTheTokenIsRefusedCredentials() {
        openApi.stubFor(post("/openapi/oauth2/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"success":false,"code":"401","msg":"appId or appSecret is incorrect","result":null}""")));

        RemoteCallException e = catchThrowableOfType(RemoteCallException.class, () -> adapter.status("yto", WAYBILL));

        assertThat(e.refusedCredentialsOf()).isEqualTo("forwarder yto");
        assertThat(e.getMessage()).doesNotContain("sandbox-openapi-app-secret");
    }

    @Test
    void a429IsTransientHonouringRetryAfter() {
        openApi.stubFor(post("/v1/order/hold").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody("""
                        {"success":false,"code":"429","msg":"too many requests","result":null}""")));

        RemoteCallException e = catchThrowableOfType(RemoteCallException.class,
                () -> adapter.intercept("yto", request()));

        assertThat(e.isTransient()).isTrue();
        assertThat(e.refusedCredentialsOf()).isNull();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    private static ForwarderPort.InterceptRequest request() {
        return new ForwarderPort.InterceptRequest("case-2", "YT2611250002002", "case-2:intercept", "return SBX-1027");
    }
}

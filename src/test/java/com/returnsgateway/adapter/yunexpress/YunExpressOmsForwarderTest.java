package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.testsupport.RemoteCallHarness;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The OMS adapter against a WireMock stand-in answering as YunExpress's OMS API does. */
class YunExpressOmsForwarderTest {

    private static final String TRACK = "/api/Tracking/GetTrackInfo?OrderNumber=YT2611250001003";
    /** Base64 of "SBXYT0001&sandbox-oms-api-secret", worked out apart from the code under test. */
    private static final String BASIC = "Basic U0JYWVQwMDAxJnNhbmRib3gtb21zLWFwaS1zZWNyZXQ=";

    private final WireMockServer oms = new WireMockServer(options().dynamicPort());
    private static RemoteCallHarness route;
    private YunExpressOmsForwarder adapter;

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
        oms.start();
        GatewayProperties properties = TestGatewayProperties.with(Map.of("yt", new GatewayProperties.Forwarder(
                "yunexpress", oms.baseUrl() + "/api/", "yunexpress")), Map.of("yunexpress", Map.of("2", "IN_TRANSIT")));
        YunExpressAccounts accounts = new YunExpressAccounts(
                Map.of("yt", new OmsSettings("SBXYT0001", "sandbox-oms-api-secret", false)), Map.of());
        adapter = new YunExpressOmsForwarder(properties, accounts, route.calls(), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        oms.stop();
    }

    @Test
    void statusIsThePackageStateWithTheTrackingStatusAndLatestEventForTheTimeline() {
        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Item":{"WaybillNumber":"YT2611250001003","TrackingNumber":"YT2611250001003","PackageState":2,
                 "TrackingStatus":20,"OrderTrackingDetails":[
                  {"ProcessDate":"2026-11-20T08:00:00","ProcessContent":"Shipment information received","ProcessLocation":"Shenzhen","TrackNodeCode":10},
                  {"ProcessDate":"2026-11-21T10:15:00","ProcessContent":"Departed from the origin facility","ProcessLocation":"Shenzhen","TrackNodeCode":20}]},
                 "Code":"0000","Message":"Success","RequestId":"r1","TimeStamp":"2026-11-21T10:20:00"}""")));

        ForwarderPort.ParcelStatus status = adapter.status("yt", "YT2611250001003");

        assertThat(status.known()).isTrue();
        assertThat(status.code()).isEqualTo("2");
        assertThat(status.detail()).isEqualTo(" (TrackingStatus 20; latest: 2026-11-21T10:15:00 Shenzhen Departed "
                + "from the origin facility)");
        oms.verify(getRequestedFor(urlEqualTo(TRACK)).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void fromAnItemsListTheEntryOfTheWaybillIsTaken() {
        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Items":[{"WaybillNumber":"YT0000000000001","PackageState":3},
                          {"WaybillNumber":"YT2611250001003","PackageState":"6","TrackingStatus":"40"}],
                 "Code":"0000","Message":"Success"}""")));

        ForwarderPort.ParcelStatus status = adapter.status("yt", "YT2611250001003");

        assertThat(status.code()).isEqualTo("6");
        assertThat(status.detail()).isEqualTo(" (TrackingStatus 40)");
    }

    @Test
    void noDataIsAnUnknownWaybill() {
        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Item":null,"Code":"1006","Message":"No data","RequestId":"r2"}""")));

        assertThat(adapter.status("yt", "YT2611250001003").known()).isFalse();
    }

    @Test
    void aRefusedCustomerCodeOrSecretIsRefusedCredentialsOfTheForwarder() {
        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Item":null,"Code":"1002","Message":"CustomerCode or ApiSecret is incorrect"}""")));

        RemoteCallException e = catchThrowableOfType(RemoteCallException.class,
                () -> adapter.status("yt", "YT2611250001003"));

        assertThat(e.refusedCredentialsOf()).isEqualTo("forwarder yt");
        assertThat(e.getMessage()).contains("1002").contains("yunexpress.customer-code").doesNotContain("secret-");
    }

    @Test
    void theRequestLimitWaitsAMinuteAndPlatformErrorsAreTransientButBadParametersAreNot() {
        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Item":null,"Code":"10000","Message":"Request limit"}""")));
        RemoteCallException limited = catchThrowableOfType(RemoteCallException.class,
                () -> adapter.status("yt", "YT2611250001003"));
        assertThat(limited.isTransient()).isTrue();
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(limited.refusedCredentialsOf()).isNull();

        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Item":null,"Code":"9999","Message":"System error"}""")));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> adapter.status("yt", "YT2611250001003"))
                .isTransient()).isTrue();

        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")
                .withBody("<html>busy</html>")));
        RemoteCallException busy = catchThrowableOfType(RemoteCallException.class,
                () -> adapter.status("yt", "YT2611250001003"));
        assertThat(busy.isTransient()).isTrue();
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(4));

        oms.stubFor(get(urlEqualTo(TRACK)).willReturn(okJson("""
                {"Item":null,"Code":"1004","Message":"Parameter error"}""")));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> adapter.status("yt", "YT2611250001003"))
                .isTransient()).isFalse();
    }

    @Test
    void anAcceptedInterceptIsSentAsOrderType1WithTheReasonAsRemark() {
        oms.stubFor(post("/api/WayBill/Intercept").willReturn(okJson("""
                {"Item":{"OrderNumber":"YT2611250001001","Result":"5011","Type":1,"Remark":"Intercept accepted"},
                 "Code":"0000","Message":"Success"}""")));

        ForwarderPort.InterceptAnswer answer = adapter.intercept("yt",
                new ForwarderPort.InterceptRequest("case-1", "YT2611250001001", "case-1:intercept", "return SBX-1019"));

        assertThat(answer.outcome()).isEqualTo(new InterceptOutcome(InterceptOutcome.Result.ACCEPTED, "5011",
                "Intercept accepted"));
        oms.verify(postRequestedFor(urlEqualTo("/api/WayBill/Intercept"))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"OrderType":1,"OrderNumber":"YT2611250001001","Remark":"return SBX-1019"}""")));
    }

    @Test
    void aBusinessRefusalOrAnUnknownWaybillIsARejectedInterceptWithCodeAndMessage() {
        oms.stubFor(post("/api/WayBill/Intercept").willReturn(okJson("""
                {"Item":null,"Code":"5012","Message":"The parcel has left the warehouse"}""")));
        assertThat(adapter.intercept("yt", request()).outcome()).isEqualTo(new InterceptOutcome(
                InterceptOutcome.Result.REJECTED, "5012", "The parcel has left the warehouse"));

        oms.stubFor(post("/api/WayBill/Intercept").willReturn(okJson("""
                {"Item":null,"Code":"1006","Message":"No data"}""")));
        assertThat(adapter.intercept("yt", request()).outcome()).isEqualTo(new InterceptOutcome(
                InterceptOutcome.Result.REJECTED, "1006", "No data"));
    }

    @Test
    void anInterceptWithRefusedCredentialsOrOverTheLimitIsNoAnswer() {
        oms.stubFor(post("/api/WayBill/Intercept").willReturn(okJson("""
                {"Item":null,"Code":"1002","Message":"CustomerCode or ApiSecret is incorrect"}""")));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> adapter.intercept("yt", request()))
                .refusedCredentialsOf()).isEqualTo("forwarder yt");

        oms.stubFor(post("/api/WayBill/Intercept").willReturn(okJson("""
                {"Item":null,"Code":"10000","Message":"Request limit"}""")));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> adapter.intercept("yt", request()))
                .retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    private static ForwarderPort.InterceptRequest request() {
        return new ForwarderPort.InterceptRequest("case-2", "YT2611250001002", "case-2:intercept", "return SBX-1020");
    }
}

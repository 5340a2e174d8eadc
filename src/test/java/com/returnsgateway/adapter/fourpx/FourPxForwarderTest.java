package com.returnsgateway.adapter.fourpx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.model.InterceptOutcome.Result;
import com.returnsgateway.core.port.ForwarderPort.Answer;
import com.returnsgateway.core.port.ForwarderPort.InterceptAnswer;
import com.returnsgateway.core.port.ForwarderPort.InterceptRequest;
import com.returnsgateway.core.port.ForwarderPort.ParcelStatus;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.testsupport.RemoteCallHarness;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The 4PX adapter through the gateway's own remote-call route against WireMock answering as 4PX's router does
 * (answer shapes from 4PX's documentation and clients, REFERENCE.md "4PX open platform").
 */
class FourPxForwarderTest {

    private static final String ROUTER = "/open/router/api/service";
    private static final String APP_KEY = "test-app-key";
    private static final String SECRET = "test-app-secret";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final InterceptRequest HOLD = new InterceptRequest("C-1", "4PX000000001CN", "ik-1",
            "Buyer requested a return before dispatch");

    private static RemoteCallHarness route;
    private final WireMockServer fourPx = new WireMockServer(options().dynamicPort());
    private FourPxForwarder forwarder;

    @BeforeAll
    static void startRoute() {
        route = new RemoteCallHarness();
    }

    @AfterAll
    static void stopRoute() {
        route.close();
    }

    @BeforeEach
    void start() {
        fourPx.start();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "gateway.forwarders.4px.type", "4px",
                "gateway.forwarders.4px.base-url", fourPx.baseUrl() + "/open",
                "gateway.forwarders.4px.4px.app-key", APP_KEY,
                "gateway.forwarders.4px.4px.app-secret", SECRET,
                "gateway.forwarders.4px.4px.answer-deadline", "45m")));
        forwarder = new FourPxForwarder(new FourPxForwarders(environment),
                new FourPxSigner(Clock.fixed(NOW, ZoneOffset.UTC)), route.calls());
    }

    @AfterEach
    void stop() {
        fourPx.stop();
    }

    @Test
    void aForecastOrderIsItsConsignmentStatusAndTheCallIsSignedAsDocumented() throws Exception {
        answer("ds.xms.order.get", order("P", ""));

        assertThat(forwarder.status("4px", "4PX000000001CN")).isEqualTo(ParcelStatus.of("P", ""));

        LoggedRequest request = single("ds.xms.order.get");
        assertThat(request.getBodyAsString()).isEqualTo("{\"request_no\":\"4PX000000001CN\"}");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.queryParameter("app_key").firstValue()).isEqualTo(APP_KEY);
        assertThat(request.queryParameter("v").firstValue()).isEqualTo("1.1.0");
        assertThat(request.queryParameter("format").firstValue()).isEqualTo("json");
        assertThat(request.queryParameter("timestamp").firstValue()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(request.queryParameter("language").firstValue()).isEqualTo("en");
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(md5("app_key" + APP_KEY + "formatjson"
                + "methodds.xms.order.gettimestamp" + NOW.toEpochMilli() + "v1.1.0" + request.getBodyAsString()
                + SECRET));
        // a parcel still at 4PX has no tracking worth asking for
        assertThat(fourPx.findAll(postRequestedFor(urlPathEqualTo(ROUTER)))).hasSize(1);
    }

    @Test
    void aParcelThatLeftIsReadFromItsLatestTrackingEventWhenThatSaysMore() throws Exception {
        answer("ds.xms.order.get", order("C", ""));
        // listed out of order on purpose: the latest time wins
        answer("tr.order.tracking.get", tracking("""
                {"businessLinkCode":"FPX_D_FD1","occurDatetime":"2026-11-28 16:40:00","occurLocation":"Los Angeles",
                 "trackingContent":"Delivery attempt failed, address incomplete"},
                {"businessLinkCode":"FPX_C_AAF","occurDatetime":"2026-11-20 09:00:00","occurLocation":"Shenzhen",
                 "trackingContent":"Arrived at facility"}"""));

        ParcelStatus status = forwarder.status("4px", "4PX000000001CN");

        assertThat(status.code()).isEqualTo("FPX_D_FD1");
        assertThat(status.detail()).contains("2026-11-28 16:40:00", "Los Angeles",
                "Delivery attempt failed, address incomplete", "consignment C");
        LoggedRequest tracking = single("tr.order.tracking.get");
        assertThat(tracking.getBodyAsString()).isEqualTo("{\"deliveryOrderNo\":\"4PX000000001CN\"}");
        assertThat(tracking.queryParameter("v").firstValue()).isEqualTo("1.0.0");
        assertThat(tracking.queryParameter("sign").firstValue()).isEqualTo(md5("app_key" + APP_KEY + "formatjson"
                + "methodtr.order.tracking.gettimestamp" + NOW.toEpochMilli() + "v1.0.0"
                + tracking.getBodyAsString() + SECRET));
    }

    @Test
    void aTrackingCodeThatSaysNothingMoreLeavesTheConsignmentStatus() {
        answer("ds.xms.order.get", order("F", ""));
        answer("tr.order.tracking.get", tracking("""
                {"businessLinkCode":"FPX_C_SPLS","occurDatetime":"2026-11-21 09:00:00","occurLocation":"HK",
                 "trackingContent":"Departed"}"""));
        assertThat(forwarder.status("4px", "4PX000000001CN").code()).isEqualTo("F");

        fourPx.resetAll();
        answer("ds.xms.order.get", order("V", ""));
        answer("tr.order.tracking.get", "{\"result\":\"1\",\"msg\":\"success\",\"errors\":[],\"data\":null}");
        assertThat(forwarder.status("4px", "4PX000000001CN").code()).isEqualTo("V");
    }

    @Test
    void aWaybill4pxDoesNotKnowIsAnUnknownWaybill() {
        answer("ds.xms.order.get", "{\"result\":\"1\",\"msg\":\"success\",\"errors\":[],\"data\":[]}");
        assertThat(forwarder.status("4px", "NOPE")).isEqualTo(ParcelStatus.unknownWaybill());

        fourPx.resetAll();
        answer("ds.xms.order.get", error("DS000001", "No data found for the order"));
        assertThat(forwarder.status("4px", "NOPE")).isEqualTo(ParcelStatus.unknownWaybill());
    }

    @Test
    void anAcceptedHoldIsPolledUntilItSucceeds() throws Exception {
        assertThat(forwarder.abilities().answer()).isEqualTo(Answer.POLLED);
        assertThat(forwarder.answerDeadline("4px")).isEqualTo(Duration.ofMinutes(45));
        // result as a number: seen nowhere official, accepted all the same
        answer("ds.xms.order.hold", "{\"result\":1,\"msg\":\"success\",\"errors\":[],\"data\":null}");

        InterceptAnswer asked = forwarder.intercept("4px", HOLD);

        assertThat(asked.pending()).isTrue();
        assertThat(asked.awaiting()).isEqualTo("hold requested at 4PX; waiting for it to succeed");
        LoggedRequest hold = single("ds.xms.order.hold");
        assertThat(hold.getBodyAsString()).isEqualTo("{\"request_no\":\"4PX000000001CN\",\"is_hold\":\"Y\","
                + "\"hold_reason\":\"Buyer requested a return before dispatch\"}");
        assertThat(hold.queryParameter("v").firstValue()).isEqualTo("1.0.0");
        assertThat(hold.queryParameter("sign").firstValue()).isEqualTo(md5("app_key" + APP_KEY + "formatjson"
                + "methodds.xms.order.holdtimestamp" + NOW.toEpochMilli() + "v1.0.0" + hold.getBodyAsString()
                + SECRET));

        fourPx.stubFor(call("ds.xms.order.get").inScenario("hold").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(order("P", "Y"))).willSetStateTo("held"));
        fourPx.stubFor(call("ds.xms.order.get").inScenario("hold").whenScenarioStateIs("held")
                .willReturn(okJson(order("P", "S"))));
        assertThat(forwarder.followUp("4px", HOLD).pending()).isTrue();
        assertThat(forwarder.followUp("4px", HOLD)).isEqualTo(InterceptAnswer.of(
                new InterceptOutcome(Result.ACCEPTED, "S", "4PX holds the parcel")));
    }

    @Test
    void aReleasedHoldOrAParcelThatMovedOnIsRejected() {
        answer("ds.xms.order.get", order("P", "N"));
        InterceptAnswer released = forwarder.followUp("4px", HOLD);
        assertThat(released.outcome().result()).isEqualTo(Result.REJECTED);
        assertThat(released.outcome().message()).contains("released");

        fourPx.resetAll();
        answer("ds.xms.order.get", order("C", "Y"));
        InterceptAnswer movedOn = forwarder.followUp("4px", HOLD);
        assertThat(movedOn.outcome().result()).isEqualTo(Result.REJECTED);
        assertThat(movedOn.outcome().message()).contains("consignment status C", "before 4PX confirmed the hold");
    }

    @Test
    void holdsThatCannotBeAreRejectedWithTheirCode() {
        answer("ds.xms.order.hold", error("DS000031", "product cannot be intercepted"));
        assertThat(forwarder.intercept("4px", HOLD)).isEqualTo(InterceptAnswer.of(
                new InterceptOutcome(Result.REJECTED, "DS000031", "product cannot be intercepted")));

        fourPx.resetAll();
        answer("ds.xms.order.hold", error("DS000032", "cannot intercept when not in forecast status"));
        assertThat(forwarder.intercept("4px", HOLD).outcome())
                .isEqualTo(new InterceptOutcome(Result.REJECTED, "DS000032", "cannot intercept when not in forecast status"));
    }

    @Test
    void aHoldAlreadyThereIsReadFromTheOrder() {
        answer("ds.xms.order.hold", error("DS000036", "order already intercepted"));
        answer("ds.xms.order.get", order("P", "S"));
        assertThat(forwarder.intercept("4px", HOLD).outcome().result()).isEqualTo(Result.ACCEPTED);

        fourPx.resetAll();
        answer("ds.xms.order.hold", error("DS000036", "order already intercepted"));
        answer("ds.xms.order.get", order("P", "Y"));
        assertThat(forwarder.intercept("4px", HOLD).pending()).as("requested before, not yet succeeded").isTrue();
    }

    @Test
    void tooFrequentIsTriedAgainInAMinute() {
        answer("ds.xms.order.hold", error("000017", "calls too frequent"));
        RemoteCallException e = catchThrowableOfType(RemoteCallException.class,
                () -> forwarder.intercept("4px", HOLD));
        assertThat(e.isTransient()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(e.refusedCredentialsOf()).isNull();

        fourPx.resetAll();
        answer("ds.xms.order.get", error("DS000006", "too many operations"));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> forwarder.status("4px", "W"))
                .retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusedCredentialsNameTheSettingToCheck() {
        answer("ds.xms.order.get", error("000012", "sign error"));
        RemoteCallException e = catchThrowableOfType(RemoteCallException.class, () -> forwarder.status("4px", "W"));
        assertThat(e.refusedCredentialsOf()).isEqualTo("forwarder 4px");
        assertThat(e.getMessage()).isEqualTo("4PX refused the signature (000012: sign error): check "
                + "gateway.forwarders.4px.4px.app-secret");

        for (String code : List.of("000013", "000014", "000016")) {
            fourPx.resetAll();
            answer("ds.xms.order.hold", error(code, "refused"));
            assertThat(catchThrowableOfType(RemoteCallException.class, () -> forwarder.intercept("4px", HOLD))
                    .refusedCredentialsOf()).as(code).isEqualTo("forwarder 4px");
        }
    }

    @Test
    void serverErrorsAreTransientAndProtocolErrorsPermanent() {
        fourPx.stubFor(call("ds.xms.order.get").willReturn(aResponse().withStatus(503).withBody("busy")));
        RemoteCallException down = catchThrowableOfType(RemoteCallException.class, () -> forwarder.status("4px", "W"));
        assertThat(down.isTransient()).isTrue();
        assertThat(down.refusedCredentialsOf()).isNull();

        for (String code : List.of("000015", "000020")) {
            fourPx.resetAll();
            answer("ds.xms.order.get", error(code, "unavailable"));
            assertThat(catchThrowableOfType(RemoteCallException.class, () -> forwarder.status("4px", "W"))
                    .isTransient()).as(code).isTrue();
        }
        for (String code : List.of("000004", "000011")) {
            fourPx.resetAll();
            answer("ds.xms.order.hold", error(code, "refused"));
            assertThat(catchThrowableOfType(RemoteCallException.class, () -> forwarder.intercept("4px", HOLD))
                    .isTransient()).as(code).isFalse();
        }
        fourPx.resetAll();
        fourPx.stubFor(call("ds.xms.order.get").willReturn(okJson("<html>gateway</html>")));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> forwarder.status("4px", "W"))
                .getMessage()).contains("invalid JSON");
    }

    private com.github.tomakehurst.wiremock.client.MappingBuilder call(String method) {
        return post(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo(method));
    }

    private void answer(String method, String json) {
        fourPx.stubFor(call(method).willReturn(okJson(json)));
    }

    private LoggedRequest single(String method) {
        List<LoggedRequest> requests = fourPx.findAll(postRequestedFor(urlPathEqualTo(ROUTER))
                .withQueryParam("method", equalTo(method)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static String order(String status, String holdSign) {
        return """
                {"result":"1","msg":"success","errors":[],"data":[{"consignment_info":{
                  "4px_tracking_no":"4PX000000001CN","ref_no":"ORDER-1","ds_consignment_no":"DS1",
                  "consignment_status":"%s","is_hold_sign":"%s","logistics_product_code":"F3",
                  "4px_inbound_date":null,"4px_outbound_date":null,"consignment_create_date":1764300000000}}]}"""
                .formatted(status, holdSign);
    }

    private static String tracking(String events) {
        return """
                {"result":"1","msg":"success","errors":[],"data":{"deliveryOrderNo":"4PX000000001CN",
                 "destinationCountry":"US","trackingList":[%s]}}""".formatted(events);
    }

    private static String error(String code, String message) {
        return """
                {"result":"0","msg":"%2$s","errors":[{"error_code":"%1$s","error_msg":"%2$s","error_data":null,
                 "referenceCode":null}],"data":null}""".formatted(code, message);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

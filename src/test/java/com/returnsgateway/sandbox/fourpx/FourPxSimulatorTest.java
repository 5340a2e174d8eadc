package com.returnsgateway.sandbox.fourpx;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.sandbox.SimulatorsApplication;
import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The 4PX simulator over HTTP as a 4PX client meets it: requests signed here by hand over the exact bytes sent.
 */
@ActiveProfiles("simulators")
@SpringBootTest(classes = {SimulatorsApplication.class, FourPxTestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "sandbox.simulators.enabled=true",
                "sandbox.smtp.port=0",
                "sandbox.sftp.enabled=false",
                "sandbox.seed.enabled=false",
                "sandbox.fourpx.app-key=sim-key",
                "sandbox.fourpx.app-secret=sim-secret",
                "sandbox.fourpx.calls-per-second=5"})
class FourPxSimulatorTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Http http;

    @BeforeEach
    void reset() {
        http = new Http(port);
        assertThat(http.delete("/sandbox/4px").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1)); // a fresh rate window
    }

    @Test
    void answersASignedOrderQueryInItsEnvelope() throws Exception {
        parcel("4PXSIM1", "P", true);

        JsonNode answer = router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"4PXSIM1\"}");

        assertThat(answer.get("result").asString()).isEqualTo("1");
        JsonNode info = answer.get("data").get(0).get("consignment_info");
        assertThat(info.get("consignment_status").asString()).isEqualTo("P");
        assertThat(info.get("4px_tracking_no").asString()).isEqualTo("4PXSIM1");
        assertThat(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"NOPE\"}")
                .get("data")).isEmpty();
    }

    @Test
    void aWrongSecretIsABadSignatureAndAWrongKeyAnUnknownApp() throws Exception {
        assertError(router("ds.xms.order.get", "1.1.0", "sim-key", "not-the-secret", "{\"request_no\":\"X\"}"),
                "000012");
        assertError(router("ds.xms.order.get", "1.1.0", "other-key", "sim-secret", "{\"request_no\":\"X\"}"),
                "000013");
        assertError(router("ds.xms.order.cancel", "1.0.0", "sim-key", "sim-secret", "{}"), "000011");
        assertError(router("ds.xms.order.get", "1.0.0", "sim-key", "sim-secret", "{}"), "000011");
        assertError(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "not json"), "000004");
    }

    @Test
    void theSignCoversTheBodyBytesAsReceived() throws Exception {
        String body = "{\"request_no\":\"X\"}";
        String query = query("ds.xms.order.get", "1.1.0", "sim-key", sign("ds.xms.order.get", "1.1.0", "sim-key",
                "sim-secret", body));
        // signed over one body, another sent
        JsonNode answer = post(query, "{\"request_no\":\"Y\"}", "application/json").json();
        assertError(answer, "000012");
    }

    @Test
    void moreCallsThanTheLimitInOneSecondAreTooFrequent() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"X\"}")
                    .get("result").asString()).isEqualTo("1");
        }
        assertError(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"X\"}"), "000017");

        clock.advance(Duration.ofSeconds(1));
        assertThat(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"X\"}")
                .get("result").asString()).isEqualTo("1");
    }

    @Test
    void aHoldIsYThenSAndCannotBeAskedTwice() throws Exception {
        parcel("4PXSIM2", "P", true);
        parcel("4PXSIM3", "P", false);
        parcel("4PXSIM4", "C", true);
        String hold = "{\"request_no\":\"%s\",\"is_hold\":\"Y\",\"hold_reason\":\"return\"}";

        JsonNode accepted = router("ds.xms.order.hold", "1.0.0", "sim-key", "sim-secret", hold.formatted("4PXSIM2"));
        assertThat(accepted.get("result").asString()).isEqualTo("1");
        assertThat(accepted.get("data").isNull()).isTrue();
        assertThat(holdSign("4PXSIM2")).isEqualTo("Y");
        assertThat(holdSign("4PXSIM2")).isEqualTo("S");
        assertThat(http.get("/sandbox/forwarders/4px/shipments/4PXSIM2").json().get("held").asBoolean()).isTrue();
        clock.advance(Duration.ofSeconds(1)); // past this test's rate limit of 5 a second
        assertError(router("ds.xms.order.hold", "1.0.0", "sim-key", "sim-secret", hold.formatted("4PXSIM2")),
                "DS000036");
        assertError(router("ds.xms.order.hold", "1.0.0", "sim-key", "sim-secret", hold.formatted("4PXSIM3")),
                "DS000031");
        assertError(router("ds.xms.order.hold", "1.0.0", "sim-key", "sim-secret", hold.formatted("4PXSIM4")),
                "DS000032");

        JsonNode holds = http.get("/sandbox/4px/holds").json();
        assertThat(holds).hasSize(3);
        assertThat(holds.get(0).get("waybill").asString()).isEqualTo("4PXSIM2");
        assertThat(holds.get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(holds.get(0).get("replays").asInt()).isEqualTo(1);
        assertThat(holds.get(1).get("code").asString()).isEqualTo("DS000031");
    }

    @Test
    void aTrackingCodeStatusIsAnOutboundOrderWithThatLatestEvent() throws Exception {
        parcel("4PXSIM5", "FPX_D_FD", true);
        assertThat(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"4PXSIM5\"}")
                .get("data").get(0).get("consignment_info").get("consignment_status").asString()).isEqualTo("C");
        JsonNode events = router("tr.order.tracking.get", "1.0.0", "sim-key", "sim-secret",
                "{\"deliveryOrderNo\":\"4PXSIM5\"}").get("data").get("trackingList");
        assertThat(events.get(events.size() - 1).get("businessLinkCode").asString()).isEqualTo("FPX_D_FD");
    }

    @Test
    void theNextErrorCanBeChosen() throws Exception {
        assertThat(http.put("/sandbox/4px/next-error?code=000012", "").status()).isEqualTo(200);
        assertError(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"X\"}"), "000012");
        assertThat(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"X\"}")
                .get("result").asString()).isEqualTo("1");
        assertThat(http.put("/sandbox/4px/next-error?code=123", "").status()).isEqualTo(400);

        assertThat(http.put("/sandbox/4px/next-error?code=000012&waybill=4PXAIMED", "").status()).isEqualTo(200);
        JsonNode other = router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"OTHER\"}");
        assertThat(other.get("result").asString()).as("another waybill's call: " + other).isEqualTo("1");
        assertError(router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"4PXAIMED\"}"),
                "000012");
    }

    @Test
    void wrongMethodsAndMediaTypesAreAnsweredInTheEnvelope() throws Exception {
        Http.Reply get = http.get("/sandbox/4px/router/api/service?method=ds.xms.order.get");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
        assertThat(get.header("Content-Type")).startsWith("application/json");
        assertThat(get.json().get("result").asString()).isEqualTo("0");
        assertThat(get.json().get("errors").get(0).has("error_code")).isTrue();

        Http.Reply form = post(query("ds.xms.order.get", "1.1.0", "sim-key", "x"), "a=b",
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("result").asString()).isEqualTo("0");
    }

    @Test
    void anRmaWaitsForItsParcelUntilAControlSaysItArrived() throws Exception {
        String create = """
                {"ref_no":"RET-SIM-1","warehouse_code":"USLAX01","services_product_code":"GRS-STD",
                 "received_shipping_no":"1ZSIMRETURN1","lstsku":[{"sku_code":"SKU-A","plan_qty":2}]}""";
        JsonNode created = router("re.grs.rma.create", "1.0.0", "sim-key", "sim-secret", create);
        assertThat(created.get("result").asString()).as(created.toString()).isEqualTo("1");
        String rmaNo = created.get("data").get("rma_no").asString();
        assertThat(rmaNo).isNotBlank();
        assertThat(router("re.grs.rma.create", "1.0.0", "sim-key", "sim-secret", create).get("data").get("rma_no")
                .asString()).as("the same ref_no again finds its RMA").isEqualTo(rmaNo);

        JsonNode waiting = rmaInfo(rmaNo);
        assertThat(waiting.get("status").asString()).isEqualTo("WAIT_RECEIVER");
        assertThat(waiting.get("received_time").isNull()).isTrue();

        Http.Reply set = http.put("/sandbox/4px/rmas/" + rmaNo, Map.of("status", "RECEIVER_COMPLETE"));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        JsonNode received = rmaInfo(rmaNo);
        assertThat(received.get("status").asString()).isEqualTo("RECEIVER_COMPLETE");
        // China time, as 4PX writes its times (a guess)
        assertThat(received.get("received_time").asString()).isEqualTo(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8)).format(clock.instant()));
        assertThat(received.get("countSkuList").get(0).get("actualQty").asInt()).isEqualTo(2);

        JsonNode listed = http.get("/sandbox/4px/rmas").json();
        assertThat(listed).singleElement().satisfies(rma -> {
            assertThat(rma.get("rmaNo").asString()).isEqualTo(rmaNo);
            assertThat(rma.get("refNo").asString()).isEqualTo("RET-SIM-1");
            assertThat(rma.get("warehouseCode").asString()).isEqualTo("USLAX01");
            assertThat(rma.get("receivedShippingNo").asString()).isEqualTo("1ZSIMRETURN1");
            assertThat(rma.get("status").asString()).isEqualTo("RECEIVER_COMPLETE");
            assertThat(rma.get("replays").asInt()).isEqualTo(1);
        });
        assertThat(http.put("/sandbox/4px/rmas/" + rmaNo, Map.of("status", "RECEIVED")).status()).isEqualTo(400);
        assertThat(http.put("/sandbox/4px/rmas/NOPE", Map.of("status", "RECEIVER_COMPLETE")).status()).isEqualTo(404);
    }

    @Test
    void anRmaIsReceivedOnce17trackHasItsParcelDelivered() throws Exception {
        JsonNode created = router("re.grs.rma.create", "1.0.0", "sim-key", "sim-secret", """
                {"ref_no":"RET-SIM-2","warehouse_code":"USLAX01","services_product_code":"GRS-STD",
                 "received_shipping_no":"1ZSIMRETURN2","lstsku":[{"sku_code":"SKU-B","plan_qty":1}]}""");
        String rmaNo = created.get("data").get("rma_no").asString();
        assertThat(http.put("/sandbox/17track/numbers/1ZSIMRETURN2", Map.of("status", "InTransit",
                "subStatus", "InTransit_Other")).status()).isEqualTo(200);
        assertThat(rmaInfo(rmaNo).get("status").asString()).isEqualTo("WAIT_RECEIVER");

        assertThat(http.put("/sandbox/17track/numbers/1ZSIMRETURN2", Map.of("status", "Delivered",
                "subStatus", "Delivered_Other")).status()).isEqualTo(200);
        assertThat(rmaInfo(rmaNo).get("status").asString()).isEqualTo("RECEIVER_COMPLETE");
    }

    @Test
    void theGrsMethodsAreSignedCheckedAndRefuseUnknownRmasAndBadForecasts() throws Exception {
        assertError(router("re.grs.rmainfo.get", "1.0.0", "sim-key", "not-the-secret", "{\"rma_no\":\"X\"}"),
                "000012");
        assertError(router("re.grs.rma.create", "1.0.0", "sim-key", "not-the-secret", "{\"ref_no\":\"X\"}"),
                "000012");
        assertError(router("re.grs.rmainfo.get", "1.0.0", "other-key", "sim-secret", "{\"rma_no\":\"X\"}"),
                "000013");
        assertError(router("re.grs.rmainfo.get", "2.0.0", "sim-key", "sim-secret", "{\"rma_no\":\"X\"}"),
                "000011");
        JsonNode unknown = router("re.grs.rmainfo.get", "1.0.0", "sim-key", "sim-secret", "{\"rma_no\":\"NOPE\"}");
        assertError(unknown, "SBX_NOT_FOUND");
        assertThat(unknown.get("errors").get(0).get("error_msg").asString()).contains("NOPE");
        clock.advance(Duration.ofSeconds(1)); // past this test's rate limit of 5 a second
        assertError(router("re.grs.rma.create", "1.0.0", "sim-key", "sim-secret", """
                {"ref_no":"RET-SIM-3","warehouse_code":"USLAX01","received_shipping_no":"1Z3","lstsku":[]}"""),
                "SBX_BAD_PARAMETER");
        assertError(router("re.grs.rma.create", "1.0.0", "sim-key", "sim-secret", """
                {"ref_no":"RET-SIM-3","warehouse_code":"USLAX01","lstsku":[{"sku_code":"A","plan_qty":1}]}"""),
                "SBX_BAD_PARAMETER");
        assertThat(http.get("/sandbox/4px/rmas").json()).isEmpty();
    }

    private JsonNode rmaInfo(String rmaNo) throws Exception {
        JsonNode answer = router("re.grs.rmainfo.get", "1.0.0", "sim-key", "sim-secret",
                "{\"rma_no\":\"" + rmaNo + "\"}");
        assertThat(answer.get("result").asString()).as(answer.toString()).isEqualTo("1");
        return answer.get("data");
    }

    private void parcel(String waybill, String status, boolean interceptable) {
        assertThat(http.put("/sandbox/forwarders/4px/shipments/" + waybill,
                Map.of("status", status, "interceptable", interceptable)).status()).isEqualTo(200);
    }

    private String holdSign(String waybill) throws Exception {
        return router("ds.xms.order.get", "1.1.0", "sim-key", "sim-secret", "{\"request_no\":\"" + waybill + "\"}")
                .get("data").get(0).get("consignment_info").get("is_hold_sign").asString();
    }

    private JsonNode router(String method, String v, String appKey, String secret, String body) throws Exception {
        Http.Reply reply = post(query(method, v, appKey, sign(method, v, appKey, secret, body)), body,
                "application/json");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private String query(String method, String v, String appKey, String sign) {
        return "method=" + method + "&app_key=" + appKey + "&v=" + v + "&timestamp=" + clock.millis()
                + "&format=json&sign=" + sign + "&language=en";
    }

    /** The sign as 4PX documents it, written out here rather than borrowed from the gateway. */
    private String sign(String method, String v, String appKey, String secret, String body) throws Exception {
        String text = "app_key" + appKey + "formatjson" + "method" + method + "timestamp" + clock.millis() + "v" + v
                + body + secret;
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Http.Reply post(String query, String body, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/sandbox/4px/router/api/service?" + query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Http.Reply(response.statusCode(), response);
    }

    private static void assertError(JsonNode answer, String code) {
        assertThat(answer.get("result").asString()).as(answer.toString()).isEqualTo("0");
        assertThat(answer.get("errors").get(0).get("error_code").asString()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.get("errors").get(0).get("error_msg").asString()).isNotBlank();
        assertThat(answer.get("data").isNull()).isTrue();
    }
}

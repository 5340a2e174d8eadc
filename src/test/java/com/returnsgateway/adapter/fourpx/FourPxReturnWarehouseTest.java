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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.returnsgateway.core.port.ReturnWarehousePort.Forecast;
import com.returnsgateway.core.port.ReturnWarehousePort.Line;
import com.returnsgateway.core.port.ReturnWarehousePort.ReturnForecast;
import com.returnsgateway.core.port.ReturnWarehousePort.RmaStatus;
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
 * 4PX's returns service (GRS) through the gateway's remote-call route against WireMock answering as 4PX's router
 * does. The methods and fields are REFERENCE.md's; the answer's data shapes are guesses where noted (unconfirmed).
 */
class FourPxReturnWarehouseTest {

    private static final String ROUTER = "/open/router/api/service";
    private static final String APP_KEY = "test-app-key";
    private static final String SECRET = "test-app-secret";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ReturnForecast RETURN = new ReturnForecast("RET-1001", "1Z999AA10123456784",
            List.of(new Line("SKU-A", 2), new Line("SKU-B", 1)));

    private static RemoteCallHarness route;
    private final WireMockServer fourPx = new WireMockServer(options().dynamicPort());
    private FourPxReturnWarehouse warehouse;

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
                "gateway.forwarders.4px.4px.returns-warehouse", "USLAX01",
                "gateway.forwarders.4px.4px.returns-product", "GRS-STD",
                "gateway.forwarders.4px-outbound.type", "4px",
                "gateway.forwarders.4px-outbound.base-url", fourPx.baseUrl() + "/open",
                "gateway.forwarders.other.type", "http")));
        warehouse = new FourPxReturnWarehouse(new FourPxForwarders(environment),
                new FourPxSigner(Clock.fixed(NOW, ZoneOffset.UTC)), route.calls());
    }

    @AfterEach
    void stop() {
        fourPx.stop();
    }

    @Test
    void only4pxForwardersWithAReturnsWarehouseReceiveReturns() {
        assertThat(warehouse.receivesReturns("4px")).isTrue();
        assertThat(warehouse.receivesReturns("4px-outbound")).as("no returns-warehouse").isFalse();
        assertThat(warehouse.receivesReturns("other")).as("not a 4PX forwarder").isFalse();
        assertThat(warehouse.receivesReturns("unknown")).isFalse();
    }

    @Test
    void aForecastIsASignedRmaCreateAnsweringTheRmaNumber() throws Exception {
        answer("re.grs.rma.create", success("{\"rma_no\":\"RMA20261129001\"}"));

        Forecast forecast = warehouse.forecast("4px", RETURN);

        assertThat(forecast).isEqualTo(new Forecast("RMA20261129001", "WAIT_RECEIVER"));
        LoggedRequest request = single("re.grs.rma.create");
        assertThat(request.getBodyAsString()).isEqualTo("{\"ref_no\":\"RET-1001\",\"warehouse_code\":\"USLAX01\","
                + "\"services_product_code\":\"GRS-STD\",\"received_shipping_no\":\"1Z999AA10123456784\","
                + "\"lstsku\":[{\"sku_code\":\"SKU-A\",\"plan_qty\":2},{\"sku_code\":\"SKU-B\",\"plan_qty\":1}]}");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.queryParameter("app_key").firstValue()).isEqualTo(APP_KEY);
        assertThat(request.queryParameter("v").firstValue()).as("unconfirmed version").isEqualTo("1.0.0");
        assertThat(request.queryParameter("format").firstValue()).isEqualTo("json");
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(md5("app_key" + APP_KEY + "formatjson"
                + "methodre.grs.rma.createtimestamp" + NOW.toEpochMilli() + "v1.0.0" + request.getBodyAsString()
                + SECRET));
    }

    @Test
    void theRmaNumberIsReadAsPlainDataOrCamelCaseToo() {
        answer("re.grs.rma.create", success("\"RMA-PLAIN\""));
        assertThat(warehouse.forecast("4px", RETURN).rmaNo()).isEqualTo("RMA-PLAIN");

        fourPx.resetAll();
        answer("re.grs.rma.create", success("{\"rmaNo\":\"RMA-CAMEL\"}"));
        assertThat(warehouse.forecast("4px", RETURN).rmaNo()).isEqualTo("RMA-CAMEL");

        fourPx.resetAll();
        answer("re.grs.rma.create", success("null"));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> warehouse.forecast("4px", RETURN))
                .getMessage()).contains("no RMA number");
    }

    @Test
    void theStatusIsASignedRmaInfoGet() throws Exception {
        answer("re.grs.rmainfo.get", rma("WAIT_RECEIVER", "null"));

        assertThat(warehouse.status("4px", "RMA1")).isEqualTo(new RmaStatus("WAIT_RECEIVER", false, null));

        LoggedRequest request = single("re.grs.rmainfo.get");
        assertThat(request.getBodyAsString()).isEqualTo("{\"rma_no\":\"RMA1\"}");
        assertThat(request.queryParameter("v").firstValue()).isEqualTo("1.0.0");
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(md5("app_key" + APP_KEY + "formatjson"
                + "methodre.grs.rmainfo.gettimestamp" + NOW.toEpochMilli() + "v1.0.0" + request.getBodyAsString()
                + SECRET));
    }

    @Test
    void receivedCheckedAndPutAwayAreReceivedWithTheirTimeInEitherForm() {
        // epoch ms, as a number and as a string
        for (String time : List.of("1795946400000", "\"1795946400000\"")) {
            fourPx.resetAll();
            answer("re.grs.rmainfo.get", rma("RECEIVER_COMPLETE", time));
            assertThat(warehouse.status("4px", "RMA1")).as(time).isEqualTo(new RmaStatus("RECEIVER_COMPLETE", true,
                    Instant.ofEpochMilli(1795946400000L)));
        }
        // "yyyy-MM-dd HH:mm:ss", read as China time (unconfirmed)
        for (String status : List.of("WAIT_CHECK", "WAIT_PUT_AWAY", "PUT_AWAY_SUCCESS")) {
            fourPx.resetAll();
            answer("re.grs.rmainfo.get", rma(status, "\"2026-11-29 18:00:00\""));
            assertThat(warehouse.status("4px", "RMA1")).as(status).isEqualTo(new RmaStatus(status, true,
                    Instant.parse("2026-11-29T10:00:00Z")));
        }
        // received without a (readable) time: the sweep dates it
        for (String time : List.of("null", "\"\"", "\"yesterday\"")) {
            fourPx.resetAll();
            answer("re.grs.rmainfo.get", rma("RECEIVER_COMPLETE", time));
            assertThat(warehouse.status("4px", "RMA1")).as(time).isEqualTo(new RmaStatus("RECEIVER_COMPLETE", true,
                    null));
        }
    }

    @Test
    void cancelledExpiredAndDestroyedRmasAreNotReceivedButKeepTheirStatus() {
        for (String status : List.of("CANCEL_SUCCESS", "EXPIRE_DESTRUCTION", "DESTROY_SUCCESS")) {
            fourPx.resetAll();
            answer("re.grs.rmainfo.get", rma(status, "\"2026-11-29 18:00:00\""));
            assertThat(warehouse.status("4px", "RMA1")).as(status).isEqualTo(new RmaStatus(status, false, null));
        }
        fourPx.resetAll();
        answer("re.grs.rmainfo.get", success("[" + rmaData("RECEIVER_COMPLETE", "1795946400000") + "]"));
        assertThat(warehouse.status("4px", "RMA1").received()).as("data as a list of one").isTrue();

        fourPx.resetAll();
        answer("re.grs.rmainfo.get", success("{\"rma_no\":\"RMA1\"}"));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> warehouse.status("4px", "RMA1"))
                .getMessage()).contains("without status");
    }

    @Test
    void errorsAreMappedAsForEvery4pxCall() {
        answer("re.grs.rma.create", error("000012", "sign error"));
        RemoteCallException refused = catchThrowableOfType(RemoteCallException.class,
                () -> warehouse.forecast("4px", RETURN));
        assertThat(refused.refusedCredentialsOf()).isEqualTo("forwarder 4px");
        assertThat(refused.getMessage()).contains("gateway.forwarders.4px.4px.app-secret");

        fourPx.resetAll();
        answer("re.grs.rmainfo.get", error("000016", "not authorised"));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> warehouse.status("4px", "RMA1"))
                .getMessage()).contains("re.grs.rmainfo.get");

        fourPx.resetAll();
        answer("re.grs.rmainfo.get", error("000017", "calls too frequent"));
        RemoteCallException frequent = catchThrowableOfType(RemoteCallException.class,
                () -> warehouse.status("4px", "RMA1"));
        assertThat(frequent.isTransient()).isTrue();
        assertThat(frequent.retryAfter()).isEqualTo(Duration.ofMinutes(1));

        fourPx.resetAll();
        fourPx.stubFor(call("re.grs.rma.create").willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> warehouse.forecast("4px", RETURN))
                .isTransient()).isTrue();

        fourPx.resetAll();
        answer("re.grs.rmainfo.get", error("GRS000404", "rma not exist"));
        RemoteCallException unknown = catchThrowableOfType(RemoteCallException.class,
                () -> warehouse.status("4px", "NOPE"));
        assertThat(unknown.isTransient()).isFalse();
        assertThat(unknown.refusedCredentialsOf()).isNull();
        assertThat(unknown.getMessage()).contains("GRS000404", "RMA NOPE");

        fourPx.resetAll();
        answer("re.grs.rma.create", error("000011", "API does not exist"));
        assertThat(catchThrowableOfType(RemoteCallException.class, () -> warehouse.forecast("4px", RETURN))
                .getMessage()).contains("re.grs.rma.create version 1.0.0");
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

    private static String success(String data) {
        return "{\"result\":\"1\",\"msg\":\"success\",\"errors\":[],\"data\":" + data + "}";
    }

    private static String rma(String status, String receivedTime) {
        return success(rmaData(status, receivedTime));
    }

    private static String rmaData(String status, String receivedTime) {
        return """
                {"status":"%s","received_time":%s,"countSkuList":[{"skuCode":"SKU-A","actualQty":2}]}"""
                .formatted(status, receivedTime);
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

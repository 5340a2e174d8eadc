package com.returnsgateway.adapter.yanwen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.port.ForwarderPort.InterceptRequest;
import com.returnsgateway.core.port.ForwarderPort.ParcelStatus;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.testsupport.RemoteCallHarness;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The Yanwen adapter against WireMock playing Yanwen's tracking API, through the gateway's real remote-call route. */
class YanwenForwarderTest {

    private static final WireMockServer REMOTE = new WireMockServer(options().dynamicPort());
    private static final String CUSTOMER = "CUST-90210";
    private static RemoteCallHarness harness;
    private YanwenForwarder yanwen;

    @BeforeAll
    static void start() {
        REMOTE.start();
        harness = new RemoteCallHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
        REMOTE.stop();
    }

    @BeforeEach
    void adapter() {
        REMOTE.resetAll();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "gateway.forwarders.yw.type", "yanwen",
                "gateway.forwarders.yw.base-url", REMOTE.baseUrl() + "/yanwen/",
                "gateway.forwarders.yw.status-profile", "yanwen",
                "gateway.forwarders.yw.yanwen.customer-number", CUSTOMER)));
        GatewayProperties properties = Binder.get(environment).bindOrCreate("gateway", GatewayProperties.class);
        yanwen = new YanwenForwarder(properties, new YanwenAccounts(environment), harness.calls(),
                JsonMapper.builder().build());
    }

    @Test
    void theStatusIsTheLatestCodeWithItsCheckpointAndTheCustomerNumberIsTheAuthorization() {
        answer("""
                {"code": 0, "result": [{"tracking_number": "UG1YP", "tracking_status": "LM40", "checkpoints": [
                  {"time_stamp": "2026-11-20 09:00:00", "time_zone": "+8", "tracking_status": "PU10",
                   "message": "Picked up", "location": "Shenzhen"},
                  {"time_stamp": "2026-11-24 15:30:00", "time_zone": "+8", "tracking_status": "LM40",
                   "message": "Delivered", "location": "Los Angeles, US"},
                  {"time_stamp": "2026-11-22 11:00:00", "time_zone": "+8", "tracking_status": "LM25",
                   "message": "Out for delivery", "location": "Los Angeles, US"}]}]}""");

        ParcelStatus status = yanwen.status("yw", "UG1YP");

        assertThat(status).isEqualTo(ParcelStatus.of("LM40", "2026-11-24 15:30:00 (+8) Delivered, Los Angeles, US"));
        REMOTE.verify(getRequestedFor(urlPathEqualTo("/yanwen/api/tracking"))
                .withQueryParam("nums", equalTo("UG1YP"))
                .withHeader("Authorization", equalTo(CUSTOMER)));
    }

    @Test
    void notFoundIsAnUnknownWaybill() {
        answer("""
                {"code": 0, "result": [{"tracking_number": "UG404YP", "tracking_status": "NOTFOUND", "checkpoints": []}]}""");

        assertThat(yanwen.status("yw", "UG404YP").known()).isFalse();
    }

    @Test
    void codesComeAsYanwenSendsThemForTheStatusProfileToMap() {
        for (String code : new String[] {"OR10", "PU10", "LM75", "LM85", "LM90"}) {
            answer("{\"code\": 0, \"result\": [{\"tracking_number\": \"UG" + code + "\", \"tracking_status\": \""
                    + code + "\", \"checkpoints\": []}]}");
            assertThat(yanwen.status("yw", "UG" + code)).isEqualTo(ParcelStatus.of(code, ""));
        }
    }

    @Test
    void aRefusedCustomerNumberIsRefusedCredentialsOfTheForwarder() {
        answer("{\"code\": 401, \"message\": \"Unauthorized\", \"result\": []}");

        assertThatThrownBy(() -> yanwen.status("yw", "UG1YP"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.refusedCredentialsOf()).isEqualTo("forwarder yw");
                    assertThat(e.getMessage()).contains("gateway.forwarders.yw.yanwen.customer-number")
                            .doesNotContain(CUSTOMER);
                });
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        REMOTE.stubFor(get(urlPathEqualTo("/yanwen/api/tracking")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> yanwen.status("yw", "UG1YP"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> assertThat(e.isTransient()).isTrue());
        REMOTE.stubFor(get(urlPathEqualTo("/yanwen/api/tracking")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")));
        assertThatThrownBy(() -> yanwen.status("yw", "UG1YP"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void noInterceptIsOfferedAndCallingOneIsABug() {
        assertThat(yanwen.abilities().intercept()).isFalse();
        assertThat(yanwen.abilities().answersAtOnce()).isTrue();
        assertThatThrownBy(() -> yanwen.intercept("yw", new InterceptRequest("case-1", "UG1YP", "key-1", "buyer")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no intercept API");
    }

    private static void answer(String json) {
        REMOTE.stubFor(get(urlPathEqualTo("/yanwen/api/tracking")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }
}

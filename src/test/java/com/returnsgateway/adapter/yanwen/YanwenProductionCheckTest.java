package com.returnsgateway.adapter.yanwen;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.TransportProductionCheck;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Yanwen's tracking API is published on http:// only: production takes it only when told so, knowingly. */
class YanwenProductionCheckTest {

    private final YanwenProductionCheck check = new YanwenProductionCheck();

    private static MockEnvironment yanwenOn(String url) {
        return new MockEnvironment()
                .withProperty("gateway.forwarders.yw.type", "yanwen")
                .withProperty("gateway.forwarders.yw.base-url", url)
                .withProperty("gateway.forwarders.yw.yanwen.customer-number", "C100");
    }

    @Test
    void plainHttpIsRefusedNamingTheSettingThatAcceptsIt() {
        assertThat(check.problems(yanwenOn("http://trackapi.yanwentech.com"))).singleElement()
                .satisfies(p -> assertThat(p).contains("gateway.forwarders.yw.base-url is http://trackapi.yanwentech.com")
                        .contains("gateway.forwarders.yw.yanwen.allow-plain-http"));
    }

    @Test
    void plainHttpExplicitlyAllowedOrHttpsPasses() {
        assertThat(check.problems(yanwenOn("http://trackapi.yanwentech.com")
                .withProperty("gateway.forwarders.yw.yanwen.allow-plain-http", "true"))).isEmpty();
        assertThat(check.problems(yanwenOn("https://trackapi.yanwentech.com"))).isEmpty();
    }

    @Test
    void theCoreTransportCheckLeavesAForwarderOfAnotherProtocolToItsAdapter() {
        MockEnvironment environment = yanwenOn("http://trackapi.yanwentech.com")
                .withProperty("gateway.mail.security", "starttls")
                .withProperty("gateway.forwarders.ge.type", "http")
                .withProperty("gateway.forwarders.ge.base-url", "http://ge.example");

        assertThat(new TransportProductionCheck().problems(environment)).singleElement()
                .satisfies(p -> assertThat(p).startsWith("gateway.forwarders.ge.base-url is http://ge.example"));
    }
}

package com.returnsgateway.adapter.yunexpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What production refuses of a YunExpress forwarder's settings. */
class YunExpressProductionCheckTest {

    private final YunExpressProductionCheck check = new YunExpressProductionCheck();

    @Test
    void missingCredentialsAndPlainHttpAreListed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gateway.forwarders.yt.type", "yunexpress")
                .withProperty("gateway.forwarders.yt.base-url", "http://oms.api.yunexpress.com/api")
                .withProperty("gateway.forwarders.yto.type", "yunexpress-openapi")
                .withProperty("gateway.forwarders.yto.base-url", "http://openapi.yunexpress.cn")
                .withProperty("gateway.forwarders.yto.yunexpress-openapi.app-id", "app");

        assertThat(check.problems(environment)).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).contains("gateway.forwarders.yt.yunexpress.customer-code"),
                p -> assertThat(p).contains("gateway.forwarders.yto.yunexpress-openapi.app-id and .app-secret"),
                p -> assertThat(p).contains("gateway.forwarders.yt.base-url is http://oms.api.yunexpress.com/api")
                        .contains("allow-plain-http"),
                p -> assertThat(p).contains("gateway.forwarders.yto.base-url").contains("https://"));
    }

    @Test
    void theOmsOnPlainHttpPassesWhenExplicitlyAllowed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gateway.forwarders.yt.type", "yunexpress")
                .withProperty("gateway.forwarders.yt.base-url", "http://oms.api.yunexpress.com/api")
                .withProperty("gateway.forwarders.yt.yunexpress.customer-code", "C1")
                .withProperty("gateway.forwarders.yt.yunexpress.api-secret", "S1")
                .withProperty("gateway.forwarders.yt.yunexpress.allow-plain-http", "true")
                .withProperty("gateway.forwarders.yto.type", "yunexpress-openapi")
                .withProperty("gateway.forwarders.yto.base-url", "https://openapi.yunexpress.cn")
                .withProperty("gateway.forwarders.yto.yunexpress-openapi.app-id", "app")
                .withProperty("gateway.forwarders.yto.yunexpress-openapi.app-secret", "secret");

        assertThat(check.problems(environment)).isEmpty();
    }
}

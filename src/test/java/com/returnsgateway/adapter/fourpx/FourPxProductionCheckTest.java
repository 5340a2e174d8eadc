package com.returnsgateway.adapter.fourpx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class FourPxProductionCheckTest {

    @Test
    void aForwarderWithoutItsKeyAndSecretOrOnPlainHttpIsListed() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "gateway.forwarders.fpx-ok.type", "4px",
                "gateway.forwarders.fpx-ok.base-url", "https://open.4px.com",
                "gateway.forwarders.fpx-ok.4px.app-key", "key",
                "gateway.forwarders.fpx-ok.4px.app-secret", "secret",
                "gateway.forwarders.fpx-bare.type", "4px",
                "gateway.forwarders.fpx-bare.base-url", "http://open.4px.com",
                "gateway.forwarders.fpx-bare.4px.returns-warehouse", "USLAX01",
                "gateway.forwarders.other.type", "http",
                "gateway.forwarders.other.base-url", "http://other.example")));

        assertThat(new FourPxProductionCheck().problems(environment)).containsExactly(
                "4PX forwarder fpx-bare needs its app key and secret: set gateway.forwarders.fpx-bare.4px.app-key and "
                        + "gateway.forwarders.fpx-bare.4px.app-secret from the environment or a secret file",
                "4PX forwarder fpx-bare forecasts returns to warehouse USLAX01 but names no GRS service product: set "
                        + "gateway.forwarders.fpx-bare.4px.returns-product",
                "4PX forwarder fpx-bare must be reached over HTTPS: set gateway.forwarders.fpx-bare.base-url to "
                        + "https://open.4px.com (it is http://open.4px.com)");
    }
}

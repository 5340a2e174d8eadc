package com.returnsgateway.adapter.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.SandboxFence;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An Amazon account in the sandbox must name the simulator's endpoints: Amazon's own are the defaults. */
class AmazonEndpointsTest {

    private final ApplicationContextRunner sandbox = new ApplicationContextRunner()
            .withUserConfiguration(SandboxFence.class, AmazonEndpoints.class)
            .withPropertyValues("gateway.marketplaces.amazon-us.type=amazon",
                    "gateway.marketplaces.amazon-us.amazon.marketplace-ids=ATVPDKIKX0DER");

    @Test
    void amazonsDefaultEndpointsAreRefused() {
        sandbox.run(context -> assertThat(context).getFailure()
                .hasMessageContaining("use --spring.profiles.active=prod")
                .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.endpoint points to "
                        + "sellingpartnerapi-na.amazon.com")
                .hasMessageContaining("gateway.marketplaces.amazon-us.amazon.lwa-endpoint points to api.amazon.com"));
    }

    @Test
    void theSimulatorsEndpointsStart() {
        sandbox.withPropertyValues(
                        "gateway.marketplaces.amazon-us.amazon.endpoint=http://localhost:8080/sandbox/amazon/sp",
                        "gateway.marketplaces.amazon-us.amazon.lwa-endpoint="
                                + "http://localhost:8080/sandbox/amazon/auth/o2/token")
                .run(context -> assertThat(context).hasNotFailed());
    }
}

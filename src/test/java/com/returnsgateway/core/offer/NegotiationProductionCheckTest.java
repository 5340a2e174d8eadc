package com.returnsgateway.core.offer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NegotiationProductionCheckTest {

    private final NegotiationProductionCheck check = new NegotiationProductionCheck();

    @Test
    void offersOnNeedALongLinkSecret() {
        assertThat(check.problems(new MockEnvironment().withProperty("gateway.negotiation.enabled", "true")))
                .singleElement().asString().contains("gateway.negotiation.link-secret is not set");
        assertThat(check.problems(new MockEnvironment().withProperty("gateway.negotiation.enabled", "true")
                .withProperty("gateway.negotiation.link-secret", "short")))
                .singleElement().asString().contains("5 characters long");
        assertThat(check.problems(new MockEnvironment().withProperty("gateway.negotiation.enabled", "true")
                .withProperty("gateway.negotiation.link-secret", "k".repeat(32)))).isEmpty();
    }

    @Test
    void offersOffNeedNoSecret() {
        assertThat(check.problems(new MockEnvironment())).isEmpty();
    }
}

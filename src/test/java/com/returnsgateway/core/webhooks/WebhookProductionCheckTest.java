package com.returnsgateway.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class WebhookProductionCheckTest {

    private static final String SECRET = "whsec_c2FuZGJveC1iYWNrb2ZmaWNlLXdlYmhvb2tzLW1hZGUtdXA=";
    private final WebhookProductionCheck check = new WebhookProductionCheck();

    @Test
    void noEndpointNothingToRefuse() {
        assertThat(check.problems(new MockEnvironment())).isEmpty();
    }

    @Test
    void anEndpointOnHttpsWithALongSecretStarts() {
        assertThat(check.problems(new MockEnvironment()
                .withProperty("gateway.webhooks.endpoints.erp.url", "https://erp.example/hooks")
                .withProperty("gateway.webhooks.endpoints.erp.secret", SECRET))).isEmpty();
    }

    @Test
    void anEndpointWithoutASecretOrOnPlainHttpIsRefused() {
        assertThat(check.problems(new MockEnvironment()
                .withProperty("gateway.webhooks.endpoints.erp.url", "http://erp.example/hooks?token=abc")))
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).startsWith("gateway.webhooks.endpoints.erp.secret is not set"),
                        p -> assertThat(p).startsWith("gateway.webhooks.endpoints.erp.url is http://erp.example/hooks:")
                                .doesNotContain("token"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThat(check.problems(new MockEnvironment()
                .withProperty("gateway.webhooks.endpoints.erp.url", "https://erp.example/hooks")
                .withProperty("gateway.webhooks.endpoints.erp.secret", "whsec_c2hvcnQ=")))
                .singleElement().asString().contains("is 5 bytes long");
    }

    @Test
    void plainHttpOnlyWhenTheEndpointAllowsItAndAPausedEndpointIsNotChecked() {
        assertThat(check.problems(new MockEnvironment()
                .withProperty("gateway.webhooks.endpoints.local.url", "http://localhost:8081/hooks")
                .withProperty("gateway.webhooks.endpoints.local.secret", SECRET)
                .withProperty("gateway.webhooks.endpoints.local.allow-plain-http", "true")
                .withProperty("gateway.webhooks.endpoints.paused.url", "http://old.example/hooks")
                .withProperty("gateway.webhooks.endpoints.paused.enabled", "false"))).isEmpty();
    }
}

package com.returnsgateway.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.cases.CaseEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebhookSettingsTest {

    private static final String SECRET = "whsec_c2FuZGJveC1iYWNrb2ZmaWNlLXdlYmhvb2tzLW1hZGUtdXA=";

    private static Map<String, String> properties(String... keysAndValues) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static WebhookSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("gateway.webhooks", WebhookSettings.class);
    }

    @Test
    void noEndpointIsTheFeatureOffWithTheDocumentedDefaults() {
        WebhookSettings settings = bind(Map.of());
        assertThat(settings.endpoints()).isEmpty();
        assertThat(settings.active()).isEmpty();
        assertThat(settings.subscribersOf(CaseEvent.Type.OPENED)).isEmpty();
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.firstRetry()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxRetryDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.giveUpAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.batch()).isEqualTo(50);
        assertThat(settings.concurrency()).isEqualTo(8);
    }

    @Test
    void anEndpointIsEnabledForEveryEventUnlessToldOtherwise() {
        WebhookSettings settings = bind(Map.of(
                "gateway.webhooks.endpoints.erp.url", "https://erp.example/hooks",
                "gateway.webhooks.endpoints.erp.secret", SECRET,
                "gateway.webhooks.endpoints.refunds-only.url", "https://ledger.example/hooks",
                "gateway.webhooks.endpoints.refunds-only.secret", SECRET,
                "gateway.webhooks.endpoints.refunds-only.events", "refund.accepted,refund.rejected",
                "gateway.webhooks.endpoints.paused.url", "https://old.example/hooks",
                "gateway.webhooks.endpoints.paused.enabled", "false"));

        assertThat(settings.problems()).as("a paused endpoint needs no secret").isEmpty();
        assertThat(settings.active()).containsOnlyKeys("erp", "refunds-only");
        assertThat(settings.subscribersOf(CaseEvent.Type.OPENED)).containsExactly("erp");
        assertThat(settings.subscribersOf(CaseEvent.Type.REFUND_ACCEPTED)).containsExactlyInAnyOrder("erp",
                "refunds-only");
    }

    @Test
    void theBackoffDoublesFromTheFirstRetryUpToTheMaximum() {
        WebhookSettings settings = bind(Map.of());
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 30).stream().map(settings::retryDelay).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1));

        WebhookSettings fast = bind(Map.of("gateway.webhooks.first-retry", "300ms",
                "gateway.webhooks.max-retry-delay", "1s"));
        assertThat(List.of(1, 2, 3, 4).stream().map(fast::retryDelay).toList()).containsExactly(
                Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void everySettingThatCannotWorkIsNamedWithWhatToDo() {
        WebhookSettings settings = bind(properties(
                "gateway.webhooks.endpoints.no-secret.url", "https://erp.example/hooks",
                "gateway.webhooks.endpoints.no-url.secret", SECRET,
                "gateway.webhooks.endpoints.ftp.url", "ftp://erp.example/hooks",
                "gateway.webhooks.endpoints.ftp.secret", SECRET,
                "gateway.webhooks.endpoints.with-password.url", "https://user:pw@erp.example/hooks",
                "gateway.webhooks.endpoints.with-password.secret", SECRET,
                "gateway.webhooks.endpoints.bad-secret.url", "https://erp.example/hooks",
                "gateway.webhooks.endpoints.bad-secret.secret", "whsec_!!!",
                "gateway.webhooks.endpoints.typo.url", "https://erp.example/hooks",
                "gateway.webhooks.endpoints.typo.secret", SECRET,
                "gateway.webhooks.endpoints.typo.events", "case.opened,refund.paid",
                "gateway.webhooks.first-retry", "2h",
                "gateway.webhooks.batch", "0"));

        assertThat(settings.problems()).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("gateway.webhooks.endpoints.no-secret.secret is not set"),
                p -> assertThat(p).startsWith("gateway.webhooks.endpoints.no-url.url is not set"),
                p -> assertThat(p).startsWith("gateway.webhooks.endpoints.ftp.url must be an absolute http://"),
                p -> assertThat(p).startsWith("gateway.webhooks.endpoints.with-password.url carries credentials"),
                p -> assertThat(p).startsWith("gateway.webhooks.endpoints.bad-secret.secret starts with whsec_ but"),
                p -> assertThat(p).startsWith("gateway.webhooks.endpoints.typo.events names 'refund.paid'")
                        .contains("case.opened, intercept.requested"),
                p -> assertThat(p).startsWith("gateway.webhooks.first-retry (PT2H) is longer than max-retry-delay"),
                p -> assertThat(p).startsWith("gateway.webhooks.batch is 0"));
    }

    @Test
    void anEndpointNameMustFitAPathAndATag() {
        WebhookSettings settings = bind(Map.of(
                "gateway.webhooks.endpoints[erp.main].url", "https://erp.example/hooks",
                "gateway.webhooks.endpoints[erp.main].secret", SECRET));
        assertThat(settings.problems()).singleElement().asString()
                .startsWith("gateway.webhooks.endpoints.erp.main: name an endpoint with letters, digits");
    }
}

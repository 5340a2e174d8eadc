package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.returnsgateway.sandbox.SimulatorsApplication;

/** The Amazon simulator belongs to the sandbox: absent unless the simulators are, and configured by sandbox.amazon. */
class AmazonSimulatorConditionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().setActiveProfiles("simulators"))
            .withUserConfiguration(SimulatorsApplication.class)
            .withPropertyValues("sandbox.smtp.port=0", "sandbox.sftp.enabled=false");

    @Test
    void existsOnlyWithTheSimulators() {
        runner.withPropertyValues("sandbox.simulators.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(LwaSimulator.class);
            assertThat(context).doesNotHaveBean(AmazonSimulatorController.class);
            assertThat(context).doesNotHaveBean(AmazonSimulatorExceptionHandler.class);
            assertThat(context).doesNotHaveBean(AmazonSimulatorConfiguration.class);
        });
        runner.withPropertyValues("sandbox.simulators.enabled=true",
                        "sandbox.simulators.base-url=http://localhost:9090")
                .run(context -> assertThat(context).doesNotHaveBean(FeedsSimulator.class));
    }

    @Test
    void bindsItsSettingsWithAmazonsDefaults() {
        runner.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.seed.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AmazonSimulatorProperties p = context.getBean(AmazonSimulatorProperties.class);
                    assertThat(p.getSeedFile()).isEqualTo("config/sandbox/amazon-seed.json");
                    assertThat(p.getAccessTokenLifetime()).isEqualTo(Duration.ofHours(1));
                    assertThat(p.getDocumentUrlLifetime()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(p.getReportPollsBeforeDone()).isEqualTo(2);
                    assertThat(p.getFeedPollsBeforeDone()).isEqualTo(2);
                    SimulatedRateLimits limits = context.getBean(SimulatedRateLimits.class);
                    assertThat(limits.limit(SpOperation.CREATE_FEED).rate()).isEqualTo(0.0083);
                    assertThat(limits.limit(SpOperation.GET_ORDER).burst()).isEqualTo(30);
                    // sandbox.seed.enabled=false: nothing seeded
                    assertThat(context.getBean(SimulatedSellers.class).all()).isEmpty();
                });
        runner.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.seed.enabled=true",
                        "sandbox.seed.file=", "sandbox.amazon.rate-limits.createFeed.burst=1",
                        "sandbox.amazon.rate-limits.get-feeds.rate=0.5", "sandbox.amazon.access-token-lifetime=10m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SimulatedRateLimits limits = context.getBean(SimulatedRateLimits.class);
                    assertThat(limits.limit(SpOperation.CREATE_FEED).burst()).isEqualTo(1);
                    assertThat(limits.limit(SpOperation.GET_FEEDS).rate()).isEqualTo(0.5);
                    assertThat(context.getBean(AmazonSimulatorProperties.class).getAccessTokenLifetime())
                            .isEqualTo(Duration.ofMinutes(10));
                    assertThat(context.getBean(SimulatedSellers.class).all()).hasSize(2);
                    assertThat(context.getBean(SimulatedOrderBook.class).allReturns()).hasSize(7);
                });
    }

    @Test
    void refusesToStartWithAnUnknownOperationsLimit() {
        runner.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.seed.enabled=false",
                        "sandbox.amazon.rate-limits.getReturns.burst=1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("sandbox.amazon.rate-limits.getReturns"));
    }
}

package com.returnsgateway.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * With profile prod the gateway does not start on insecure settings; every problem is named at once. (Weak API
 * credentials: ApiCredentialsCheckTest.)
 */
class ProductionSafetyTest {

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(ProductionSafety.class)
            .withPropertyValues("spring.profiles.active=prod");

    @Test
    void safeProductionSettingsStart() {
        prod.withPropertyValues("gateway.api.password=Xq7-long-random-secret", "sandbox.simulators.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void simulatorsAndSeedAreRefusedAndEveryProblemIsNamed() {
        prod.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.seed.enabled=true")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("sandbox.seed.enabled is true")
                        .hasMessageContaining("sandbox.simulators.enabled is true"));
    }

    @Test
    void outsideProductionNothingIsChecked() {
        MockEnvironment sandbox = new MockEnvironment().withProperty("gateway.api.password", "sandbox")
                .withProperty("sandbox.simulators.enabled", "true");
        sandbox.setActiveProfiles("sandbox");

        assertThat(ProductionSafety.problems(sandbox)).isEmpty();
    }

    @Test
    void theProductionProfileFileItselfTurnsTheSimulatorsOff() {
        MockEnvironment prodDefaults = new MockEnvironment().withProperty("gateway.api.password", "S3cure-enough!")
                .withProperty("sandbox.simulators.enabled", "false").withProperty("sandbox.seed.enabled", "false");
        prodDefaults.setActiveProfiles("prod");

        assertThat(ProductionSafety.problems(prodDefaults)).isEmpty();
    }
}

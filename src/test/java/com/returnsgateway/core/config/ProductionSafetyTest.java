package com.returnsgateway.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** With profile prod the gateway does not start on insecure settings; every problem is named at once. */
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
    void anEmptyPasswordIsRefused() {
        prod.run(context -> assertThat(context).getFailure()
                .hasMessageContaining("Refusing to start with profile prod")
                .hasMessageContaining("gateway.api.password is empty"));
    }

    @Test
    void wellKnownPasswordsAreRefused() {
        for (String password : new String[] {"sandbox", "password", "admin", "changeme", "{noop}Sandbox"}) {
            prod.withPropertyValues("gateway.api.password=" + password)
                    .run(context -> assertThat(context).getFailure()
                            .as(password).hasMessageContaining("gateway.api.password is a well-known default"));
        }
    }

    @Test
    void simulatorsAreRefusedAndEveryProblemIsNamed() {
        prod.withPropertyValues("gateway.api.password=admin", "sandbox.simulators.enabled=true")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("well-known default")
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

package com.returnsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.ProductionSafety;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** With profile prod the gateway does not start on weak API credentials, and names each setting. */
class ApiCredentialsCheckTest {

    private static final String STRONG = "Xq7-long-random-secret";

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(ProductionSafety.class, ApiCredentialsCheck.class)
            .withPropertyValues("spring.profiles.active=prod");

    @Test
    void strongCredentialsStart() {
        String bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("another-long-secret-9");
        prod.withPropertyValues("gateway.api.password=" + STRONG,
                        "gateway.api.users.viewer.password=" + bcrypt, "gateway.api.users.viewer.roles=viewer",
                        "gateway.api.keys.erp.sha256=" + ApiCredentials.sha256Hex("a-random-key-from-openssl-rand"),
                        "gateway.api.keys.erp.roles=intake")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void noCredentialsAtAllAreRefused() {
        prod.run(context -> assertThat(context).getFailure()
                .hasMessageContaining("Refusing to start with profile prod")
                .hasMessageContaining("gateway.api.password is empty"));
    }

    @Test
    void wellKnownPasswordsAreRefusedPlainOrEncoded() {
        String encodedSandbox = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("sandbox");
        for (String password : new String[] {"sandbox", "password", "admin", "changeme", "{noop}Sandbox",
                "passwordpassword", encodedSandbox}) {
            prod.withPropertyValues("gateway.api.password=" + password)
                    .run(context -> assertThat(context).getFailure()
                            .as(password).hasMessageContaining("gateway.api.password is a well-known default"));
        }
    }

    @Test
    void shortPasswordsAreRefusedNamingEachUser() {
        prod.withPropertyValues("gateway.api.users.intake.password=intake-sandbox",
                        "gateway.api.users.intake.roles=intake",
                        "gateway.api.users.ops.password=only-15-chars!!", "gateway.api.users.ops.roles=operator")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("gateway.api.users.intake.password is a well-known default")
                        .hasMessageContaining("gateway.api.users.ops.password is shorter than 16 characters"));
    }

    @Test
    void theSandboxKeyIsRefused() {
        prod.withPropertyValues("gateway.api.password=" + STRONG, "gateway.api.keys.erp.roles=intake",
                        "gateway.api.keys.erp.sha256="
                                + ApiCredentials.sha256Hex("sandbox-intake-key-0000000000000000"))
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("gateway.api.keys.erp.sha256 is the sandbox's published key"));
    }

    @Test
    void aWeakPasswordIsNamedTogetherWithEveryOtherProblem() {
        prod.withPropertyValues("gateway.api.password=admin", "sandbox.simulators.enabled=true")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("well-known default")
                        .hasMessageContaining("sandbox.simulators.enabled is true"));
    }

    @Test
    void outsideProductionNothingIsChecked() {
        new ApplicationContextRunner().withUserConfiguration(ProductionSafety.class, ApiCredentialsCheck.class)
                .withPropertyValues("gateway.api.password=sandbox")
                .run(context -> assertThat(context).hasNotFailed());
    }
}

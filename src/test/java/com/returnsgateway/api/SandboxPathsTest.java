package com.returnsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.GatewayConfiguration;
import com.returnsgateway.sandbox.MarketplaceController;
import com.returnsgateway.sandbox.SimulatorsApplication;
import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * {@code /sandbox/**} is served only where the simulators run: a gateway pointed at simulators in another process
 * ({@code sandbox.simulators.base-url}) has none, and the path needs a login like any other page.
 */
class SandboxPathsTest {

    /**
     * The simulators (profile simulators) behind the gateway's own security; a test configuration, so the gateway's
     * component scan in other tests leaves it out.
     */
    @TestConfiguration
    @EnableWebSecurity
    @Import({SimulatorsApplication.class, GatewayConfiguration.class, SecurityConfig.class})
    static class SecuredSimulators {
    }

    @Test
    void theSimulatorsAreOpenWhereTheyRun() {
        try (ConfigurableApplicationContext context = start()) {
            Reply sandbox = new Http(port(context)).get("/sandbox");

            assertThat(sandbox.status()).isEqualTo(200);
            assertThat(sandbox.json().has("forwarders")).as(sandbox.text()).isTrue();
        }
    }

    @Test
    void aGatewayPointedAtSimulatorsElsewhereServesNoSandboxPath() {
        try (ConfigurableApplicationContext context = start("--sandbox.simulators.base-url=http://localhost:9090")) {
            Http anonymous = new Http(port(context));
            Reply page = anonymous.get("/sandbox");
            Reply inject = anonymous.post("/sandbox/marketplace/returns", "{}");

            assertThat(context.getBeansOfType(MarketplaceController.class)).isEmpty();
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/login");
            assertThat(inject.status()).isEqualTo(403);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(SecuredSimulators.class).profiles("simulators")
                .properties("server.port=0", "sandbox.smtp.port=0", "sandbox.sftp.enabled=false",
                        "sandbox.seed.enabled=false", "gateway.api.username=sandbox", "gateway.api.password=sandbox")
                .run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

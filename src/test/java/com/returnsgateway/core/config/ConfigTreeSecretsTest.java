package com.returnsgateway.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Secrets from mounted files: {@code spring.config.import=optional:configtree:<dir>/} turns each file into a property
 * named like the file, as Kubernetes and Docker secrets are mounted. Only the configuration is loaded here (no beans).
 */
class ConfigTreeSecretsTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @TempDir
    Path secrets;

    @Test
    void theApiPasswordComesFromAFileNamedAfterTheProperty() throws Exception {
        Files.writeString(secrets.resolve("gateway.api.password"), "from-a-mounted-file\n");

        try (ConfigurableApplicationContext context = start("prod")) {
            assertThat(context.getEnvironment().getProperty("gateway.api.password")).isEqualTo("from-a-mounted-file");
        }
    }

    @Test
    void aFileNamedAfterTheEnvironmentVariableWorksToo() throws Exception {
        // application-prod.yaml reads ${GATEWAY_API_PASSWORD:}, which a configtree file of that name also supplies
        Files.writeString(secrets.resolve("GATEWAY_API_PASSWORD"), "from-the-variable-file");

        try (ConfigurableApplicationContext context = start("prod")) {
            assertThat(context.getEnvironment().getProperty("gateway.api.password")).isEqualTo("from-the-variable-file");
        }
    }

    @Test
    void anAmazonAccountsCredentialsComeFromFilesInFoldersNamedAfterTheProperty() throws Exception {
        Path account = Files.createDirectories(secrets.resolve("gateway/marketplaces/amazon-us/amazon"));
        Files.writeString(account.resolve("client-secret"), "amzn1.oa2-cs.v1.from-a-file\n");
        Files.writeString(account.resolve("refresh-token"), "Atzr|from-a-file");
        Files.writeString(secrets.resolve("gateway.marketplaces.amazon-us.amazon.client-id"), "amzn1.application-oa2-client.x");

        try (ConfigurableApplicationContext context = start("sandbox")) {
            // bound as AmazonAccounts binds each account
            AmazonAccount amazon = Binder.get(context.getEnvironment())
                    .bind("gateway.marketplaces.amazon-us.amazon", AmazonAccount.class).get();
            assertThat(amazon.clientSecret()).isEqualTo("amzn1.oa2-cs.v1.from-a-file");
            assertThat(amazon.refreshToken()).isEqualTo("Atzr|from-a-file");
            assertThat(amazon.clientId()).isEqualTo("amzn1.application-oa2-client.x");
            // the rest of the account still comes from config/application-sandbox.yaml
            assertThat(amazon.sellerId()).isEqualTo("A3SANDBOXUS01");
        }
    }

    private ConfigurableApplicationContext start(String profile) {
        SpringApplication app = new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE)
                .profiles(profile).logStartupInfo(false).build();
        return app.run("--spring.config.import=optional:configtree:" + secrets.toAbsolutePath() + "/",
                "--spring.main.banner-mode=off");
    }
}

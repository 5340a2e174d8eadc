package com.returnsgateway.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.api.ApiCredentialsCheck;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With profile prod the gateway refuses the embedded database, plain http:// to any remote system of its HTTP
 * contract and SMTP without TLS, each naming the setting to change, all at once with the other problems.
 */
class DeploymentProductionChecksTest {

    private static final String[] SAFE = {
            "gateway.api.password=Xq7-long-random-secret",
            "spring.datasource.url=jdbc:postgresql://db.internal:5432/returns",
            "gateway.marketplaces.shop-us.base-url=https://shop.example/api",
            "gateway.forwarders.4px.type=http",
            "gateway.forwarders.4px.base-url=https://open.4px.example/api",
            "gateway.forwarders.cargo.type=sftp",
            "gateway.back-office.base-url=https://erp.example/returns",
            "gateway.mail.security=starttls"};

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(ProductionSafety.class, DatabaseProductionCheck.class,
                    TransportProductionCheck.class, ApiCredentialsCheck.class)
            .withPropertyValues("spring.profiles.active=prod")
            .withPropertyValues(SAFE);

    @Test
    void anExternalDatabaseHttpsEverywhereAndStarttlsStart() {
        prod.run(context -> assertThat(context).hasNotFailed());
        prod.withPropertyValues("gateway.mail.security=smtps").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theEmbeddedDatabaseIsRefused() {
        prod.withPropertyValues("spring.datasource.url=")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("Refusing to start with profile prod")
                        .hasMessageContaining("spring.datasource.url is not set, so the embedded PostgreSQL would be "
                                + "used: production needs an external PostgreSQL"));
    }

    @Test
    void everyProblemIsListedAtOnceEachWithItsSetting() {
        prod.withPropertyValues("spring.datasource.url=", "gateway.api.password=",
                        "gateway.marketplaces.shop-us.base-url=http://user:pw@shop.example/api",
                        "gateway.forwarders.4px.base-url=HTTP://open.4px.example/api",
                        "gateway.back-office.base-url=http://erp.example/returns",
                        "gateway.mail.security=none")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("gateway.api.password is empty")
                        .hasMessageContaining("spring.datasource.url is not set")
                        .hasMessageContaining("gateway.marketplaces.shop-us.base-url is http://shop.example/api: "
                                + "production calls remote systems over https:// only")
                        .hasMessageContaining("gateway.forwarders.4px.base-url is HTTP://open.4px.example/api")
                        .hasMessageContaining("gateway.back-office.base-url is http://erp.example/returns")
                        .hasMessageContaining("gateway.mail.security is none")
                        .satisfies(e -> assertThat(e.getMessage()).as("credentials in a URL are not repeated")
                                .doesNotContain("user:pw")));
    }

    @Test
    void smtpIsEncryptedUnlessToldOtherwise() {
        prod.withPropertyValues("gateway.mail.security=").run(context -> assertThat(context).hasNotFailed());
        assertThat(GatewayProperties.defaults(GatewayProperties.Mail.class).security())
                .isEqualTo(GatewayProperties.MailSecurity.STARTTLS);
    }

    @Test
    void aDatabaseThatIsNotPostgresqlIsRefused() {
        prod.withPropertyValues("spring.datasource.url=jdbc:h2:mem:returns;MODE=PostgreSQL")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("spring.datasource.url must be a PostgreSQL JDBC URL")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MODE=")));
    }
}

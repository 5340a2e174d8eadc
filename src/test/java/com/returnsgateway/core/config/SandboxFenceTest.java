package com.returnsgateway.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Without profile prod the gateway does not start when an endpoint leaves the machine, and names each setting. */
class SandboxFenceTest {

    private final ApplicationContextRunner sandbox = new ApplicationContextRunner()
            .withUserConfiguration(SandboxFence.class)
            .withPropertyValues("gateway.sandbox-url=http://localhost:8080",
                    "gateway.marketplaces.sandbox-us.base-url=http://localhost:8080/sandbox/marketplace/sandbox-us",
                    "gateway.forwarders.4px.base-url=http://127.0.0.1:8080/sandbox/forwarders/4px",
                    "gateway.back-office.base-url=http://localhost:8080/sandbox/backoffice",
                    "gateway.mail.host=localhost",
                    "gateway.forwarders.sftp-cargo.sftp.host=127.0.0.1",
                    "gateway.console-base-url=https://returns.seller.example");

    @Test
    void theSandboxOnThisMachineStarts() {
        sandbox.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void everyEndpointOutsideIsNamedWithTheWayToProduction() {
        sandbox.withPropertyValues("gateway.marketplaces.shop.base-url=https://api.shop.example/v1",
                        "gateway.forwarders.4px.base-url=https://open.4px.com/api",
                        "gateway.back-office.base-url=https://erp.seller.example/returns",
                        "gateway.mail.host=smtp.seller.example",
                        "gateway.forwarders.sftp-cargo.sftp.host=sftp.cargo.example")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("use --spring.profiles.active=prod")
                        .hasMessageContaining("gateway.marketplaces.shop.base-url points to api.shop.example")
                        .hasMessageContaining("gateway.forwarders.4px.base-url points to open.4px.com")
                        .hasMessageContaining("gateway.back-office.base-url points to erp.seller.example")
                        .hasMessageContaining("gateway.mail.host points to smtp.seller.example")
                        .hasMessageContaining("gateway.forwarders.sftp-cargo.sftp.host points to sftp.cargo.example"));
    }

    @Test
    void simulatorsInAnotherProcessMayBeOnTheirOwnHost() {
        sandbox.withPropertyValues("gateway.sandbox-url=http://simulators:9090",
                        "gateway.marketplaces.sandbox-us.base-url=http://simulators:9090/sandbox/marketplace/us")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void somethingThatIsNotAUrlIsRefusedToo() {
        sandbox.withPropertyValues("gateway.back-office.base-url=erp.seller.example/returns")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("gateway.back-office.base-url is 'erp.seller.example/returns'"));
    }

    @Test
    void productionIsNotFenced() {
        sandbox.withPropertyValues("spring.profiles.active=prod", "gateway.mail.host=smtp.seller.example")
                .run(context -> assertThat(context).hasNotFailed());
    }
}

package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.ProductionSafety;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With profile prod an SFTP forwarder must check host keys; refused with every other problem in one message. */
class SftpProductionCheckTest {

    private final ApplicationContextRunner prod = new ApplicationContextRunner()
            .withUserConfiguration(ProductionSafety.class, SftpProductionCheck.class)
            .withPropertyValues("spring.profiles.active=prod", "gateway.forwarders.cargo.type=sftp",
                    "gateway.forwarders.cargo.sftp.host=sftp.cargo.example");

    @Test
    void aForwarderWithoutKnownHostsIsRefusedWithTheOtherProblems() {
        prod.withPropertyValues("sandbox.seed.enabled=true")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("Refusing to start with profile prod")
                        .hasMessageContaining("sandbox.seed.enabled is true")
                        .hasMessageContaining("SFTP forwarder cargo must check the server's host key in production: "
                                + "set gateway.forwarders.cargo.sftp.known-hosts-file"));
    }

    @Test
    void aForwarderCheckingHostKeysStarts() {
        prod.withPropertyValues("gateway.forwarders.cargo.sftp.known-hosts-file=/run/secrets/known_hosts")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void hostKeyCheckingSwitchedOffIsRefusedToo() {
        prod.withPropertyValues("gateway.forwarders.cargo.sftp.known-hosts-file=/run/secrets/known_hosts",
                        "gateway.forwarders.cargo.sftp.strict-host-key-checking=false")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("SFTP forwarder cargo must check the server's host key"));
    }
}

package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SandboxConditionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().setActiveProfiles("simulators"))
            .withUserConfiguration(SimulatorsApplication.class)
            .withPropertyValues("sandbox.smtp.port=0", "sandbox.seed.enabled=false", "sandbox.sftp.enabled=false");

    @Test
    void noSandboxBeansUnlessEnabled() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SandboxProperties.class);
            assertThat(context).doesNotHaveBean(MarketplaceSimulator.class);
            assertThat(context).doesNotHaveBean(SandboxMailServer.class);
            assertThat(context).doesNotHaveBean(MarketplaceController.class);
        });
        runner.withPropertyValues("sandbox.simulators.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ForwarderSimulator.class));
    }

    @Test
    void aGatewayPointedAtSimulatorsElsewhereStartsNoneOfItsOwn() {
        runner.withPropertyValues("sandbox.simulators.enabled=true",
                        "sandbox.simulators.base-url=http://localhost:9090")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MarketplaceSimulator.class);
                    assertThat(context).doesNotHaveBean(SandboxMailServer.class);
                });
    }

    @Test
    void bindsPropertiesWithDefaults() {
        runner.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.simulators.latency=150ms",
                        "sandbox.simulators.failure-rate=0.25")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SandboxProperties p = context.getBean(SandboxProperties.class);
                    assertThat(p.getSimulators().getLatency()).hasMillis(150);
                    assertThat(p.getForwarders()).extracting(SandboxProperties.Forwarder::getCode)
                            .containsExactly("4px", "generic-express", "sftp-cargo", "yanwen", "yunexpress", "yunexpress-open");
                    assertThat(p.getSeed().getFile()).isEqualTo("config/sandbox/seed.json");
                    Faults faults = context.getBean(Faults.class);
                    assertThat(faults.failureRate()).isEqualTo(0.25);
                    ForwarderSimulator forwarders = context.getBean(ForwarderSimulator.class);
                    assertThat(forwarders.dispatchableCodes("4px")).containsExactlyInAnyOrder("P", "H");
                    assertThat(forwarders.dispatchableCodes("generic-express"))
                            .containsExactlyInAnyOrder("Pending", "InfoReceived");
                    assertThat(context.getBean(SandboxMailServer.class).port()).isPositive();
                    assertThat(forwarders.dispatchableCodes("sftp-cargo"))
                            .containsExactlyInAnyOrder("RECEIVED", "IN_WAREHOUSE");
                    SandboxProperties.Sftp sftp = p.getSftp();
                    assertThat(sftp.getPort()).isEqualTo(2222);
                    assertThat(sftp.getUsername()).isEqualTo("forwarder");
                    assertThat(sftp.getRoot()).isEqualTo("data/sandbox/sftp");
                    assertThat(sftp.getKnownHostsFile()).isEqualTo("data/sandbox/known_hosts");
                    assertThat(sftp.getHostKeyFile()).isEqualTo("data/sandbox/sftp-hostkey.ser");
                    assertThat(sftp.getAnswerDelay()).hasSeconds(2);
                });
    }

    @Test
    void theSftpForwarderRunsWithTheSimulatorsUnlessSwitchedOff(@TempDir Path dir) {
        runner.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.sftp.enabled=true", "sandbox.sftp.port=0",
                        "sandbox.sftp.root=" + dir.resolve("sftp"),
                        "sandbox.sftp.host-key-file=" + dir.resolve("hostkey.ser"),
                        "sandbox.sftp.known-hosts-file=" + dir.resolve("known_hosts"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SftpForwarderSimulator sftp = context.getBean(SftpForwarderSimulator.class);
                    assertThat(sftp.port()).isPositive();
                    assertThat(dir.resolve("known_hosts")).content().startsWith("[localhost]:" + sftp.port() + ",");
                    assertThat(dir.resolve("sftp/inbound/processed")).isDirectory();
                    assertThat(dir.resolve("sftp/outbound")).isDirectory();
                });
        runner.withPropertyValues("sandbox.simulators.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(SftpForwarderSimulator.class));
    }

    @Test
    void refusesAFailureRateOutOfRange() {
        runner.withPropertyValues("sandbox.simulators.enabled=true", "sandbox.simulators.failure-rate=1.5")
                .run(context -> assertThat(context).hasFailed());
    }
}

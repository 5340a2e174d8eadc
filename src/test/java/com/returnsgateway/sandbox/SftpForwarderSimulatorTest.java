package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.adapter.sftp.InterceptRequestRow;
import com.returnsgateway.adapter.sftp.ResultRow;
import com.returnsgateway.adapter.sftp.SftpCsvFormats;
import com.returnsgateway.adapter.sftp.StatusRow;
import com.returnsgateway.core.model.InterceptOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox SFTP forwarder, driven the way the gateway will drive it: camel-ftp with strict host-key checking. */
class SftpForwarderSimulatorTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    private ForwarderSimulator forwarders;
    private SftpForwarderSimulator sftp;
    private CamelContext camel;
    private ProducerTemplate producer;
    private ConsumerTemplate consumer;

    @BeforeEach
    void start() throws Exception {
        forwarders = new ForwarderSimulator(List.of(
                new SandboxProperties.Forwarder("sftp-cargo", List.of("RECEIVED", "IN_WAREHOUSE")),
                new SandboxProperties.Forwarder("4px", List.of("P"))), Clock.systemUTC());
        sftp = simulator("hostkey.ser", "known_hosts");
        sftp.start();
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
        consumer = camel.createConsumerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sftp.stop();
    }

    private SftpForwarderSimulator simulator(String hostKey, String knownHosts) {
        SandboxProperties.Sftp settings = new SandboxProperties.Sftp();
        settings.setPort(0);
        settings.setRoot(dir.resolve("sftp").toString());
        settings.setHostKeyFile(dir.resolve(hostKey).toString());
        settings.setKnownHostsFile(dir.resolve(knownHosts).toString());
        settings.setAnswerDelay(Duration.ofMillis(100));
        return new SftpForwarderSimulator(settings, forwarders, Clock.systemUTC());
    }

    /** The options the gateway's routes use: strict host-key checking against the simulator's known_hosts only. */
    private String uri(SftpForwarderSimulator server, String folder, Path knownHosts, String options) {
        return "sftp://forwarder@localhost:" + server.port() + "/" + folder + "?password=forwarder"
                + "&strictHostKeyChecking=yes&knownHostsFile=" + knownHosts + "&useUserKnownHostsFile=false"
                + "&binary=true&charset=UTF-8" + options;
    }

    @Test
    void answersAnInterceptBatchUploadedThroughCamelFtp() throws IOException {
        forwarders.put("sftp-cargo", "SC1", "RECEIVED", true, false);
        forwarders.put("sftp-cargo", "SC2", "SHIPPED", true, false);
        forwarders.put("sftp-cargo", "SC3", "IN_WAREHOUSE", false, false);
        String batch = SftpCsvFormats.writeInterceptRequests(List.of(
                new InterceptRequestRow("key-1", "SC1", "buyer asked", T),
                new InterceptRequestRow("key-2", "SC2", "buyer asked", T),
                new InterceptRequestRow("key-3", "SC3", null, T),
                new InterceptRequestRow("key-4", "SC4", null, T)));

        producer.sendBody(uri(sftp, "inbound", sftp.knownHostsFile(),
                "&tempPrefix=.inprogress-&fileName=intercepts-20261120T080000000Z-1.csv"), batch);

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(
                sftp.root().resolve("inbound/processed/intercepts-20261120T080000000Z-1.csv")));
        assertThat(listNames(sftp.root().resolve("inbound"))).containsExactly("processed");
        String results = consumer.receiveBody(uri(sftp, "outbound", sftp.knownHostsFile(),
                "&include=results-.*\\.csv&noop=true"), 10_000, String.class);
        List<ResultRow> rows = SftpCsvFormats.parseResults(results).values();
        assertThat(rows).extracting(ResultRow::requestId, ResultRow::waybill, ResultRow::outcome, ResultRow::code)
                .containsExactly(
                        tuple("key-1", "SC1", InterceptOutcome.Result.ACCEPTED, "SUCCESS"),
                        tuple("key-2", "SC2", InterceptOutcome.Result.REJECTED, "DS000032"),
                        tuple("key-3", "SC3", InterceptOutcome.Result.REJECTED, "DS000031"),
                        tuple("key-4", "SC4", InterceptOutcome.Result.REJECTED, "NOT_FOUND"));
        assertThat(forwarders.parcel("sftp-cargo", "SC1").orElseThrow().held()).isTrue();
        assertThat(forwarders.intercepts("sftp-cargo")).hasSize(4);
    }

    @Test
    void neverReadsAFileStillBeingWritten() throws IOException {
        Path inbound = sftp.root().resolve("inbound");
        String batch = SftpCsvFormats.writeInterceptRequests(List.of(new InterceptRequestRow("k", "SC1", null, T)));
        Files.writeString(inbound.resolve(".inprogress-intercepts-1.csv"), batch);
        Files.writeString(inbound.resolve("intercepts-2.csv.tmp"), batch);
        Files.writeString(inbound.resolve("intercepts-3.csv.inprogress"), batch);
        int before = sftp.scans();

        await().atMost(Duration.ofSeconds(10)).until(() -> sftp.scans() >= before + 2);

        assertThat(listNames(inbound)).containsExactlyInAnyOrder("processed", ".inprogress-intercepts-1.csv",
                "intercepts-2.csv.tmp", "intercepts-3.csv.inprogress");
        assertThat(listNames(sftp.root().resolve("outbound"))).isEmpty();
        assertThat(sftp.requestFilesAnswered()).isZero();
        assertThat(SftpForwarderSimulator.isCompleteRequest("intercepts-3.csv")).isTrue();
    }

    @Test
    void publishesParcelChangesOfItsForwarderInTheNextStatusFile() throws IOException {
        forwarders.put("sftp-cargo", "SC7", "RECEIVED", true, false);
        forwarders.put("sftp-cargo", "SC7", "IN_WAREHOUSE", true, false);
        forwarders.put("4px", "4PX1", "P", true, false);

        String status = consumer.receiveBody(uri(sftp, "outbound", sftp.knownHostsFile(),
                "&include=status-.*\\.csv&delete=true"), 10_000, String.class);

        assertThat(SftpCsvFormats.parseStatuses(status).values()).extracting(StatusRow::waybill, StatusRow::statusCode)
                .containsExactly(tuple("SC7", "RECEIVED"),
                        tuple("SC7", "IN_WAREHOUSE"));
    }

    @Test
    void keepsItsHostKeyAcrossRestartsAndAClientRefusesAChangedOne() throws IOException {
        String firstLine = sftp.knownHostsLine();
        assertThat(firstLine).matches("\\[localhost]:\\d+,\\[127\\.0\\.0\\.1]:\\d+ ecdsa-sha2-nistp256 AAAA\\S+");
        String firstKey = firstLine.substring(firstLine.indexOf(' ') + 1);
        sftp.stop();

        sftp = simulator("hostkey.ser", "known_hosts");
        sftp.start();
        assertThat(sftp.knownHostsLine()).endsWith(" " + firstKey);
        producer.sendBody(uri(sftp, "inbound", sftp.knownHostsFile(), "&fileName=hello.txt"), "same key");
        assertThat(sftp.root().resolve("inbound/hello.txt")).hasContent("same key");
        sftp.stop();

        // another key on a host:port the client knew with the old key: refused
        sftp = simulator("other-hostkey.ser", "other_known_hosts");
        sftp.start();
        assertThat(sftp.knownHostsLine()).doesNotEndWith(firstKey);
        Path stale = dir.resolve("stale_known_hosts");
        Files.writeString(stale, SftpForwarderSimulator.knownHosts(sftp.port(), firstKey) + "\n");
        assertThatThrownBy(() -> producer.sendBody(uri(sftp, "inbound", stale, "&fileName=changed.txt"), "x"))
                .satisfies(e -> assertThat(chain(e)).anyMatch(c -> c.contains("JSchChangedHostKeyException")));
        // a host the client does not know at all: refused too
        Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
        assertThatThrownBy(() -> producer.sendBody(uri(sftp, "inbound", empty, "&fileName=unknown.txt"), "x"))
                .satisfies(e -> assertThat(chain(e)).anyMatch(c -> c.contains("JSchUnknownHostKeyException")));
        assertThat(sftp.root().resolve("inbound/changed.txt")).doesNotExist();
        assertThat(sftp.root().resolve("inbound/unknown.txt")).doesNotExist();
    }

    @Test
    void refusesAWrongPassword() {
        String wrong = uri(sftp, "inbound", sftp.knownHostsFile(), "&fileName=x.txt")
                .replace("password=forwarder", "password=nope");
        assertThatThrownBy(() -> producer.sendBody(wrong, "x"))
                .satisfies(e -> assertThat(chain(e)).anyMatch(c -> c.contains("Auth fail")));
    }

    private static List<String> chain(Throwable e) {
        return Stream.iterate(e, t -> t != null, Throwable::getCause)
                .map(t -> t.getClass().getName() + ": " + t.getMessage()).toList();
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

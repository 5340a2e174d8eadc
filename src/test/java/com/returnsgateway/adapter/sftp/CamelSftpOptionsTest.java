package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.TestPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.returnsgateway.core.db.JdbcIdempotentRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camel-ftp 4.22 options the SFTP forwarder routes use, proven against a real SFTP server (MINA SSHD) and a
 * JDBC idempotent repository on a real PostgreSQL.
 */
class CamelSftpOptionsTest {

    /** What a results/status consumer adds to the connection options (see README, "SFTP forwarders"). */
    static final String CONSUMER_OPTIONS = "&include=RAW(" + FileKind.RESULTS.includePattern() + ")"
            + "&move=done/${file:name}&moveFailed=error/${file:name}"
            + "&idempotent=true&idempotentRepository=#sftpFileRepository&idempotentKey=sftp-cargo/${file:name}"
            + "&delay=200&initialDelay=0";

    private static final String CSV = "request_id,waybill,outcome,code,message,answered_at\r\n"
            + "k1,W1,ACCEPTED,SUCCESS,held,2026-11-20T08:00:00Z\r\n";

    @TempDir
    Path dir;

    private final int port = TestPorts.free();
    private TestSftpServer server;
    private JdbcIdempotentRepository repository;
    private final List<CamelContext> contexts = new ArrayList<>();
    /** File name -> bodies received, across every consumer (instance) of the test. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        server = new TestSftpServer(dir, port).start();
        repository = new JdbcIdempotentRepository(TestDatabase.jdbc(), "test-" + UUID.randomUUID(),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        server.stop();
    }

    /** An instance of the gateway: its own Camel context consuming outbound/, sharing the repository. */
    private CamelContext consumer(String readLock) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("sftpFileRepository", repository);
        String uri = server.uri("outbound") + readLock + CONSUMER_OPTIONS;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("sftp-results")
                        .process(exchange -> {
                            String name = exchange.getMessage().getHeader("CamelFileName", String.class);
                            String body = exchange.getMessage().getBody(String.class);
                            received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(body);
                            if (body.contains("FAIL")) {
                                throw new IllegalStateException("cannot process " + name);
                            }
                        });
            }
        });
        camel.start();
        contexts.add(camel);
        return camel;
    }

    private Path outbound(String name) {
        return server.root().resolve("outbound").resolve(name);
    }

    @Test
    void readLockChangedWaitsUntilAFileStopsChangingAndIsOldEnough() throws Exception {
        consumer("&readLock=changed&readLockCheckInterval=250&readLockMinAge=3000&readLockTimeout=20000");
        Files.writeString(outbound("results-partial.csv"), CSV.substring(0, 30));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(received::isEmpty);
        Files.writeString(outbound("results-partial.csv"), CSV);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.containsKey("results-partial.csv"));
        assertThat(received.get("results-partial.csv")).containsExactly(CSV);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(outbound("done/results-partial.csv")));
    }

    @Test
    void goodFilesMoveToDoneFailedOnesToErrorOthersAreLeftAlone() throws Exception {
        consumer("&readLock=changed&readLockCheckInterval=200");
        Files.writeString(outbound("results-good.csv"), CSV);
        Files.writeString(outbound("results-bad.csv"), CSV + "FAIL\r\n");
        Files.writeString(outbound(".inprogress-results-x.csv"), CSV);
        Files.writeString(outbound("status-1.csv"), "not for this consumer");

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outbound("done/results-good.csv"))
                && Files.exists(outbound("error/results-bad.csv")));
        assertThat(names(server.root().resolve("outbound")))
                .containsExactlyInAnyOrder("done", "error", ".inprogress-results-x.csv", "status-1.csv");
        assertThat(received).containsOnlyKeys("results-good.csv", "results-bad.csv");
    }

    @Test
    void twoInstancesAndARestartProcessEachFileOnce() throws Exception {
        consumer("&readLock=changed&readLockCheckInterval=200");
        consumer("&readLock=changed&readLockCheckInterval=200");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add("results-" + i + ".csv");
            Files.writeString(outbound("results-" + i + ".csv"), CSV);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> names(server.root().resolve("outbound/done")).size() == 12);
        assertThat(received).containsOnlyKeys(files);
        assertThat(received.values()).allSatisfy(bodies -> assertThat(bodies).hasSize(1));

        // both instances stop; the forwarder uploads a file of a known name again; a new instance starts
        contexts.forEach(CamelContext::stop);
        Files.writeString(outbound("results-3.csv"), CSV);
        Files.writeString(outbound("results-new.csv"), CSV);
        consumer("&readLock=changed&readLockCheckInterval=200");

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(outbound("done/results-new.csv")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> received.get("results-3.csv").size() == 1);
        assertThat(outbound("results-3.csv")).exists(); // skipped by name and left where it is
    }

    @Test
    void nothingIsLostWhileTheServerIsDown() throws Exception {
        consumer("&readLock=changed&readLockCheckInterval=200");
        Files.writeString(outbound("results-before.csv"), CSV);
        await().atMost(Duration.ofSeconds(15)).until(() -> received.containsKey("results-before.csv"));

        server.stop();
        Files.writeString(outbound("results-while-down.csv"), CSV);
        // a producer fails loudly while the server is down, so the caller can retry
        CamelContext producerContext = new DefaultCamelContext();
        producerContext.start();
        contexts.add(producerContext);
        String upload = server.uri("inbound") + "&tempPrefix=.inprogress-&fileName=intercepts-1.csv";
        assertThatThrownBy(() -> producerContext.createProducerTemplate().sendBody(upload, CSV))
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> !received.containsKey("results-while-down.csv"));

        server = new TestSftpServer(dir, port).start();
        producerContext.createProducerTemplate().sendBody(upload, CSV);
        assertThat(server.root().resolve("inbound/intercepts-1.csv")).hasContent(CSV);
        assertThat(names(server.root().resolve("inbound"))).containsExactly("intercepts-1.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.containsKey("results-while-down.csv"));
        // the file is moved once its exchange completes, just after the route saw it
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(outbound("done/results-while-down.csv")));
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

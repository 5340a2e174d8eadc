package com.returnsgateway.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.mail.OperationsAlerts;
import com.returnsgateway.testsupport.MigratedDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sweep posts deliveries of different cases at once (a back office answering in 50 ms would otherwise take at most
 * 20 events a second, far fewer than a busy gateway writes), and still never a case's next event before its last one
 * was answered. The receiver holds each request until four are in flight together: posted one by one, the first would
 * wait out the receiver's patience and be answered 503.
 */
class WebhookSweepConcurrencyTest {

    private static final String ENDPOINT = "concurrency-test";
    private static final int CASES = 4;

    private final JdbcClient jdbc = MigratedDatabase.jdbc();
    private final CountDownLatch allInFlight = new CountDownLatch(CASES);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WebhookSweep sweep;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", this::receive);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.start();
        jdbc.sql("DELETE FROM webhook_event WHERE case_id LIKE 'RC-WHCONC%'").update();
        WebhookSettings settings = new WebhookSettings(Map.of(ENDPOINT, new WebhookSettings.Endpoint(
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "whsec_c2FuZGJveC1iYWNrb2ZmaWNlLXdlYmhvb2tzLW1hZGUtdXA=", List.of(), true, true)),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3),
                Duration.ofSeconds(10), 50, 8);
        sweep = new WebhookSweep(settings, new WebhookDeliveryStore(jdbc), new WebhookSender(settings.timeout()),
                new WebhookMetrics(new SimpleMeterRegistry(), settings),
                new OperationsAlerts(jdbc, TestGatewayProperties.standard(), Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sweep.destroy();
        receiver.stop(0);
    }

    @Test
    void deliveriesOfDifferentCasesArePostedTogetherAndACasesEventsStayInOrder() {
        WebhookDeliveryStore store = new WebhookDeliveryStore(jdbc);
        Instant now = Instant.now();
        for (int i = 0; i < CASES; i++) {
            write(store, "RC-WHCONC" + i, "first", now);
        }
        write(store, "RC-WHCONC0", "second", now);

        sweep.sweep();

        assertThat(mostInFlight.get()).as("requests in flight at once").isEqualTo(CASES);
        assertThat(arrivals).hasSize(CASES + 1);
        assertThat(arrivals.indexOf("RC-WHCONC0 second"))
                .as("the case's second event came after its first was answered")
                .isEqualTo(CASES);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE case_id LIKE 'RC-WHCONC%'"
                + " AND status = 'DELIVERED'").query(Long.class).single()).isEqualTo(CASES + 1L);
    }

    private void write(WebhookDeliveryStore store, String caseId, String label, Instant now) {
        String body = "{\"type\":\"case.opened\",\"data\":{\"caseId\":\"" + caseId + "\",\"label\":\"" + label + "\"}}";
        store.write(UUID.randomUUID(), caseId, "case.opened", now, body, List.of(ENDPOINT), now);
    }

    /** Holds a first event until every case's first event is in flight; answers 503 if that never happens. */
    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String caseId = body.replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
            String label = body.replaceAll(".*\"label\":\"([^\"]+)\".*", "$1");
            arrivals.add(caseId + " " + label);
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            boolean together = true;
            if (label.equals("first")) {
                allInFlight.countDown();
                together = allInFlight.await(5, TimeUnit.SECONDS);
            }
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(together ? 200 : 503, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

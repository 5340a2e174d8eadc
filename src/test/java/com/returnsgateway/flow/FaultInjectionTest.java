package com.returnsgateway.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.returnsgateway.ReturnsGatewayApplication;
import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.TestPorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox gateway with marketplace sandbox-us, the HTTP forwarder generic-express and the back office played by
 * WireMock,
 * so their answers can be faults: statuses, resets, bad chunks, timeouts, slow bodies. The rest is the sandbox (SMTP
 * through GreenMail, the SFTP forwarder, an embedded PostgreSQL with a data directory of its own so it can be stopped
 * and started in place). Retries are fast, and no breaker opens.
 * The tests built on it are failsafe ITs: their outages (a database stopped for 30 s) run in a JVM apart from the
 * shared sandbox context of the other flow tests, which sharing a JVM with them did not survive.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ReturnsGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "sandbox.seed.enabled=false",
                "sandbox.sftp.answer-delay=300ms",
                "sandbox.sftp.root=target/fault-sandbox/sftp",
                "sandbox.sftp.host-key-file=target/fault-sandbox/sftp-hostkey.ser",
                "sandbox.sftp.known-hosts-file=target/fault-sandbox/known_hosts",
                "gateway.embedded-db.durable=false",
                "gateway.dispatcher.interval=100ms",
                "gateway.dispatcher.lease=10s",
                "gateway.intake.poll-interval=300ms",
                "gateway.retry.initial-delay=100ms",
                "gateway.retry.max-delay=1s",
                "gateway.retry.max-attempts=4",
                "camel.component.http.response-timeout=1000",
                "camel.component.http.so-timeout=1000",
                "gateway.forwarders.sftp-cargo.sftp.poll-interval=300ms",
                "gateway.forwarders.sftp-cargo.sftp.batch-interval=300ms",
                "gateway.forwarders.sftp-cargo.sftp.answer-deadline=30s",
                "gateway.intercepts.follow-up-interval=500",
                // breakers that never open here, so one test's faults do not refuse the next test's calls
                "gateway.resilience.defaults.sliding-window-size=1000",
                "gateway.resilience.defaults.minimum-number-of-calls=1000"
        })
abstract class FaultInjectionTest {

    static final WireMockServer REMOTE = new WireMockServer(options().dynamicPort());
    static final int PORT = TestPorts.free();
    static final int SMTP_PORT = TestPorts.free();
    static final int IMAP_PORT = TestPorts.free();
    static final int SFTP_PORT = TestPorts.free();
    static final int DB_PORT = TestPorts.free();
    static final String DB_DIR = "target/fault-db/" + UUID.randomUUID();
    static final Duration FLOW_TIMEOUT = Duration.ofSeconds(40);

    static final String MARKETPLACE = "/mk/sandbox-us";
    static final String GENERIC = "/fw/generic-express";
    static final String BACK_OFFICE = "/bo";

    // each system with its own kind of credentials, as a production configuration would give them from secrets
    static final String MARKETPLACE_TOKEN = "mk-bearer-" + UUID.randomUUID();
    static final String GENERIC_API_KEY = "ge-key-" + UUID.randomUUID();
    static final String BACK_OFFICE_PASSWORD = "bo-pw-" + UUID.randomUUID();

    static {
        REMOTE.start();
        // what the remote systems answer when a test has not said otherwise; every answer carries headers that must
        // never travel on to the next call
        REMOTE.stubFor(get(urlPathEqualTo(MARKETPLACE + "/returns")).atPriority(10)
                .willReturn(answer("{\"returns\": [], \"nextPageToken\": null}")));
        REMOTE.stubFor(post(urlPathEqualTo(MARKETPLACE + "/refunds")).atPriority(10)
                .willReturn(answer("{\"refundId\": \"WM-REFUND\"}")));
        REMOTE.stubFor(post(urlPathEqualTo(GENERIC + "/intercepts")).atPriority(10)
                .willReturn(answer("{\"outcome\": \"ACCEPTED\", \"code\": \"OK\", \"message\": \"stopped\"}")));
        REMOTE.stubFor(post(urlPathEqualTo(BACK_OFFICE + "/reships")).atPriority(10)
                .willReturn(answer("{\"reshipId\": \"WM-RESHIP\"}")));
    }

    protected final Http sandbox = new Http(PORT);
    protected final Http api = sandbox.as("sandbox", "sandbox");

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sandbox.smtp.port", () -> SMTP_PORT);
        registry.add("sandbox.imap.port", () -> IMAP_PORT);
        registry.add("sandbox.sftp.port", () -> SFTP_PORT);
        registry.add("gateway.embedded-db.port", () -> DB_PORT);
        registry.add("gateway.embedded-db.data-dir", () -> DB_DIR);
        registry.add("gateway.marketplaces.sandbox-us.base-url", () -> REMOTE.baseUrl() + MARKETPLACE);
        registry.add("gateway.forwarders.generic-express.base-url", () -> REMOTE.baseUrl() + GENERIC);
        registry.add("gateway.back-office.base-url", () -> REMOTE.baseUrl() + BACK_OFFICE);
        registry.add("gateway.marketplaces.sandbox-us.auth.type", () -> "bearer");
        registry.add("gateway.marketplaces.sandbox-us.auth.token", () -> MARKETPLACE_TOKEN);
        registry.add("gateway.forwarders.generic-express.auth.type", () -> "header");
        registry.add("gateway.forwarders.generic-express.auth.name", () -> "X-Api-Key");
        registry.add("gateway.forwarders.generic-express.auth.value", () -> GENERIC_API_KEY);
        registry.add("gateway.back-office.auth.type", () -> "basic");
        registry.add("gateway.back-office.auth.username", () -> "seller-42");
        registry.add("gateway.back-office.auth.password", () -> BACK_OFFICE_PASSWORD);
    }

    /** A 200 JSON answer with headers a careless gateway would pass on to the next call or into an email. */
    static ResponseDefinitionBuilder answer(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("X-Leak", "from-remote")
                .withHeader("Authorization", "Bearer leaked-token")
                .withHeader("CamelHttpUri", "http://127.0.0.1:9/evil")
                .withHeader("CamelHttpPath", "/evil")
                .withBody(json);
    }

    /** The faults injected, by name. */
    enum Inject {
        HTTP_500("HTTP 500", () -> aResponse().withStatus(500).withBody("{\"error\": \"boom\"}")),
        HTTP_503("HTTP 503", () -> aResponse().withStatus(503).withBody("down for maintenance")),
        HTTP_429("HTTP 429 Retry-After 1", () -> aResponse().withStatus(429).withHeader("Retry-After", "1")),
        TIMEOUT("response timeout", null),
        CONNECTION_RESET("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        MALFORMED_CHUNK("malformed chunk", () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        EMPTY_RESPONSE("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE)),
        SLOW_DRIBBLE("slow dribble", null);

        final String label;
        final Supplier<ResponseDefinitionBuilder> response;

        Inject(String label, Supplier<ResponseDefinitionBuilder> response) {
            this.label = label;
            this.response = response;
        }

        /** The fault, given the real answer (a timeout and a dribble deliver the real answer, too late or slowly). */
        ResponseDefinitionBuilder response(String realAnswer) {
            return switch (this) {
                case TIMEOUT -> answer(realAnswer).withFixedDelay(1600);
                case SLOW_DRIBBLE -> answer(realAnswer).withChunkedDribbleDelay(4, 800);
                default -> response.get();
            };
        }

        /** A body dribbled in slowly, but never 1 s without a byte (the response timeout here), is an answer. */
        boolean fails() {
            return this != SLOW_DRIBBLE;
        }
    }

    /** Stubs {@code request}: each of {@code faults} once, in order, then {@code ok} for good. */
    static void faultsThenAnswer(Supplier<MappingBuilder> request, String scenario, List<ResponseDefinitionBuilder> faults,
                                 ResponseDefinitionBuilder ok) {
        String state = Scenario.STARTED;
        for (int i = 0; i < faults.size(); i++) {
            String next = "after-fault-" + (i + 1);
            REMOTE.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(faults.get(i)).willSetStateTo(next));
            state = next;
        }
        REMOTE.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs(state).willReturn(ok));
    }

    static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    JsonNode caseWhere(ObjectNode returnObject, Predicate<JsonNode> condition) {
        return caseWhere(returnObject, condition, FLOW_TIMEOUT);
    }

    JsonNode caseWhere(ObjectNode returnObject, Predicate<JsonNode> condition, Duration timeout) {
        String orderId = returnObject.get("orderId").asString();
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode list = api.get("/api/cases?orderId=" + orderId).json().get("cases");
            if (list == null || list.isEmpty()) {
                return false;
            }
            JsonNode detail = api.get("/api/cases/" + list.get(0).get("caseId").asString()).json();
            found.set(detail);
            return condition.test(detail);
        });
        return found.get();
    }

    /** Waits until the case has left phase ACTIVE. */
    JsonNode settled(ObjectNode returnObject) {
        return caseWhere(returnObject, c -> !"ACTIVE".equals(c.get("phase").asString()));
    }

    int casesOf(ObjectNode returnObject) {
        return api.get("/api/cases?orderId=" + returnObject.get("orderId").asString()).json().get("cases").size();
    }

    static long attemptsFailed(JsonNode caseDetail) {
        return SandboxGatewayTest.timelineTypes(caseDetail).stream().filter("ATTEMPT_FAILED"::equals).count();
    }

    /** What WireMock received at {@code path} whose body mentions {@code text}, oldest first. */
    static List<ServeEvent> received(String method, String path, String text) {
        List<ServeEvent> events = new ArrayList<>(REMOTE.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path)
                        || (path.endsWith("/") && e.getRequest().getUrl().startsWith(path)))
                .filter(e -> text == null || e.getRequest().getBodyAsString().contains(text))
                .toList());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        return events;
    }

    static List<String> keys(List<ServeEvent> events) {
        return events.stream().map(e -> e.getRequest().getHeader("Idempotency-Key")).distinct().toList();
    }

    /** Keys the remote side answered with 2xx: the refunds (or intercepts) it recorded. */
    static long acceptedKeys(List<ServeEvent> events) {
        return events.stream().filter(e -> e.getResponse().getStatus() / 100 == 2)
                .map(e -> e.getRequest().getHeader("Idempotency-Key")).distinct().count();
    }

    static void report(String line) {
        System.out.println("fault: " + line);
        FaultLedger.add(line);
    }
}

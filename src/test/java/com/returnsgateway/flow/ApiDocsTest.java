package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http.Reply;
import com.returnsgateway.testsupport.OpenApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v3/api-docs} against the real endpoints: every real answer of the calls below (successes and refusals) must
 * have a documented status and a body that matches that status's schema exactly (no property the description lacks,
 * none it requires missing, null only where it allows null); every {@code /api} handler has an operation and every
 * operation a handler; and each operation refuses exactly the roles its {@code x-roles} leaves out.
 */
class ApiDocsTest extends SandboxGatewayTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The sandbox's users with one role each (config/application-sandbox.yaml). */
    private static final Map<String, String> ROLE_USERS = Map.of("intake", "intake-sandbox", "viewer",
            "viewer-sandbox", "operator", "operator-sandbox");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private OpenApiDocument docs;

    @BeforeEach
    void readTheDescription() {
        docs = OpenApiDocument.fetch(PORT, "/v3/api-docs");
    }

    @Test
    void theDescriptionAndTheBrowsablePageAreOpenAndListTheContracts() {
        assertThat(docs.root().get("openapi").asString()).startsWith("3.1");
        assertThat(docs.root().get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/"));
        JsonNode schemes = docs.root().at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-API-Key");
        assertThat(schemes.at("/bearerKey/scheme").asString()).isEqualTo("bearer");

        List<String> groups = new ArrayList<>();
        sandbox.get("/v3/api-docs/swagger-config").json().get("urls").forEach(u -> groups.add(u.get("url").asString()));
        assertThat(groups).containsExactlyInAnyOrder("/v3/api-docs/api", "/v3/api-docs/forwarder-contract",
                "/v3/api-docs/marketplace-contract");
        assertThat(sandbox.get("/v3/api-docs/api").json().get("paths")).isEqualTo(docs.root().get("paths"));
        Reply page = sandbox.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(sandbox.get("/swagger-ui.html").header("Location")).endsWith("/swagger-ui/index.html");
        assertThat(sandbox.post("/v3/api-docs", "{}").status()).as("read-only").isIn(401, 403, 405);
    }

    @Test
    void everyApiHandlerHasAnOperationAndEveryOperationAHandler() {
        Set<String> handled = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            for (String pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                assertThat(mapping.getMethodsCondition().getMethods()).as(pattern + " names its HTTP methods")
                        .isNotEmpty();
                mapping.getMethodsCondition().getMethods().forEach(m -> handled.add(m.name() + " " + pattern));
            }
        });
        assertThat(new TreeSet<>(docs.operations())).isEqualTo(handled);
    }

    @Test
    void everyOperationRefusesExactlyTheRolesItLeavesOut() {
        for (String operation : docs.operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            List<String> roles = new ArrayList<>();
            docs.operation(method, template).get("x-roles").forEach(r -> roles.add(r.asString()));
            assertThat(roles).as(operation + " names its roles").isNotEmpty();
            String path = withUnknownIds(method, template);
            ROLE_USERS.forEach((role, password) -> {
                Reply reply = call(method, path, "{}", "application/json", basic(role, password));
                if (roles.contains(role)) {
                    assertThat(reply.status()).as(operation + " as " + role + ": " + reply.text()).isNotIn(401, 403);
                } else {
                    assertThat(reply.status()).as(operation + " as " + role + ": " + reply.text()).isEqualTo(403);
                }
                assertMatches(reply, method, template);
            });
            assertMatches(call(method, path, "{}", "application/json", null), method, template);
        }
    }

    @Test
    void intakeAnswersAndRefusalsMatchTheDescription() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);
        assertMatches(expect(202, api.post("/api/returns", request)), "POST", "/api/returns");
        assertMatches(expect(200, api.post("/api/returns", request)), "POST", "/api/returns");
        ObjectNode changed = request.deepCopy().put("comment", "another text");
        assertMatches(expect(409, api.post("/api/returns", changed)), "POST", "/api/returns");
        ObjectNode invalid = returnObject("sandbox-us", "USD", "19.99", null);
        invalid.remove("orderId");
        assertMatches(expect(400, api.post("/api/returns", invalid)), "POST", "/api/returns");
        assertMatches(expect(400, api.post("/api/returns", "{\"marketplace\": ")), "POST", "/api/returns");
        assertMatches(expect(415, call("POST", "/api/returns", "marketplace=x", "application/x-www-form-urlencoded",
                basic("sandbox", "sandbox"))), "POST", "/api/returns");
        assertMatches(expect(413, api.post("/api/returns", "{\"comment\": \"" + "x".repeat(300_000) + "\"}")),
                "POST", "/api/returns");
        assertMatches(expect(401, sandbox.post("/api/returns", request)), "POST", "/api/returns");
        assertMatches(expect(403, sandbox.as("viewer", "viewer-sandbox").post("/api/returns", request)),
                "POST", "/api/returns");
    }

    @Test
    void caseAnswersAndRefusalsMatchTheDescription() {
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Delivered", true);
        ObjectNode request = returnObject("sandbox-jp", "JPY", "9000",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        String caseId = expect(202, api.post("/api/returns", request)).json().get("caseId").asString();
        JsonNode waiting = caseWhere(request, c -> "AWAITING_RETURN".equals(c.get("status").asString()));
        assertThat(waiting.get("caseId").asString()).isEqualTo(caseId);
        String orderId = request.get("orderId").asString();

        assertMatches(expect(200, api.get("/api/cases?orderId=" + orderId)), "GET", "/api/cases");
        assertMatches(expect(200, api.get("/api/cases?size=200")), "GET", "/api/cases");
        assertMatches(expect(400, api.get("/api/cases?status=SHIPPED")), "GET", "/api/cases");
        assertMatches(expect(400, api.get("/api/cases?page=first")), "GET", "/api/cases");
        assertMatches(expect(200, api.get("/api/cases/" + caseId)), "GET", "/api/cases/{caseId}");
        assertMatches(expect(404, api.get("/api/cases/RC-NOSUCHCASE")), "GET", "/api/cases/{caseId}");
        assertMatches(expect(200, api.get("/api/cases/" + caseId + "/label.pdf")), "GET",
                "/api/cases/{caseId}/label.pdf");
        assertMatches(expect(404, api.get("/api/cases/RC-NOSUCHCASE/label.pdf")), "GET",
                "/api/cases/{caseId}/label.pdf");

        String tracking = "/api/cases/{caseId}/return-tracking";
        String number = "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        assertMatches(expect(200, api.post("/api/cases/" + caseId + "/return-tracking",
                Map.of("number", number, "carrier", "ups"))), "POST", tracking);
        assertMatches(expect(200, api.post("/api/cases/" + caseId + "/return-tracking",
                Map.of("number", number))), "POST", tracking);
        assertMatches(expect(400, api.post("/api/cases/" + caseId + "/return-tracking",
                Map.of("number", "no"))), "POST", tracking);
        assertMatches(expect(400, api.post("/api/cases/" + caseId + "/return-tracking", "[1]")), "POST", tracking);
        assertMatches(expect(404, api.post("/api/cases/RC-NOSUCHCASE/return-tracking",
                Map.of("number", number))), "POST", tracking);

        assertMatches(expect(403, call("POST", "/api/cases/" + caseId + "/received", "", null,
                basic("sandbox", "sandbox"))), "POST", "/api/cases/{caseId}/received");
        assertMatches(expect(200, api.post("/api/cases/" + caseId + "/received", "")), "POST",
                "/api/cases/{caseId}/received");
        JsonNode refunded = caseWhere(request, c -> "REFUNDED".equals(c.get("status").asString()));
        assertMatches(expect(200, api.get("/api/cases/" + caseId)), "GET", "/api/cases/{caseId}");
        assertThat(refunded.get("refunds")).isNotEmpty();
        assertMatches(expect(409, api.post("/api/cases/" + caseId + "/received", "")), "POST",
                "/api/cases/{caseId}/received");
        assertMatches(expect(409, api.post("/api/cases/" + caseId + "/retry", "")), "POST",
                "/api/cases/{caseId}/retry");
        assertMatches(expect(409, api.post("/api/cases/" + caseId + "/return-tracking", Map.of("number", number))),
                "POST", tracking);
        assertMatches(expect(404, api.post("/api/cases/RC-NOSUCHCASE/retry", "")), "POST",
                "/api/cases/{caseId}/retry");

        // no parcel found: manual review, which a retry resumes
        ObjectNode review = returnObject("sandbox-jp", "JPY", "4980", null);
        String reviewId = expect(202, api.post("/api/returns", review)).json().get("caseId").asString();
        caseWhere(review, c -> "MANUAL_REVIEW".equals(c.get("status").asString()));
        assertMatches(expect(200, api.get("/api/cases/" + reviewId)), "GET", "/api/cases/{caseId}");
        assertMatches(expect(200, api.post("/api/cases/" + reviewId + "/retry", "")), "POST",
                "/api/cases/{caseId}/retry");
    }

    @Test
    void quarantineAnswersMatchTheDescription() {
        ObjectNode bad = returnObject("sandbox-eu", "EUR", "-5.00", null);
        marketplaceHas(bad);
        AtomicReference<JsonNode> entry = new AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode e : api.get("/api/quarantine?size=200").json().get("entries")) {
                if (bad.get("returnId").asString().equals(e.get("reference").asString(null))) {
                    entry.set(e);
                }
            }
            return entry.get() != null;
        });
        assertMatches(expect(200, api.get("/api/quarantine?size=200")), "GET", "/api/quarantine");
        assertMatches(expect(400, api.get("/api/quarantine?size=many")), "GET", "/api/quarantine");
        assertMatches(expect(200, api.get("/api/quarantine/" + entry.get().get("id").asLong())), "GET",
                "/api/quarantine/{id}");
        assertMatches(expect(404, api.get("/api/quarantine/999999999")), "GET", "/api/quarantine/{id}");
        assertMatches(expect(400, api.get("/api/quarantine/first")), "GET", "/api/quarantine/{id}");
    }

    /**
     * Every case the shared sandbox holds (those of every other flow test, and the seeded Amazon returns, whose
     * detail carries amazonRefund) matches the case schema, in the list and in the detail.
     */
    @Test
    void everyCaseOfTheSandboxMatchesTheCaseSchema() {
        awaitSeededAmazonReturnsTakenIn();
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM amazon_refund")
                .query(Long.class).single() > 0);
        int checked = 0;
        boolean amazonRefundSeen = false;
        for (int page = 0; ; page++) {
            Reply list = expect(200, api.get("/api/cases?size=200&page=" + page));
            assertMatches(list, "GET", "/api/cases");
            JsonNode cases = list.json().get("cases");
            for (JsonNode summary : cases) {
                Reply detail = expect(200, api.get("/api/cases/" + summary.get("caseId").asString()));
                assertMatches(detail, "GET", "/api/cases/{caseId}");
                amazonRefundSeen |= !detail.json().get("amazonRefund").isNull();
                checked++;
            }
            if (cases.size() < 200) {
                break;
            }
        }
        assertThat(checked).isPositive();
        assertThat(amazonRefundSeen).as("a case detail with an Amazon refund was checked").isTrue();
    }

    private void assertMatches(Reply reply, String method, String template) {
        assertThat(docs.answerViolations(method, template, reply.status(), reply.header("Content-Type"),
                reply.response().body()))
                .as(method + " " + template + " answered " + reply.status() + ": " + abbreviate(reply.text()))
                .isEmpty();
    }

    private static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as(abbreviate(reply.text())).isEqualTo(status);
        return reply;
    }

    /** The path with ids no case or entry has: an integer for an integer parameter, a case id otherwise. */
    private String withUnknownIds(String method, String template) {
        String path = template;
        for (JsonNode parameter : docs.operation(method, template).path("parameters")) {
            if ("path".equals(parameter.path("in").asString())) {
                String name = parameter.get("name").asString();
                boolean integer = "integer".equals(parameter.at("/schema/type").asString(null));
                path = path.replace("{" + name + "}", integer ? "999999999" : "RC-NOSUCHCASE");
            }
        }
        return path;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request exactly as given: the body and Content-Type (none when null), and Authorization when not null. */
    private static Reply call(String method, String path, String body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(Duration.ofSeconds(20));
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}

package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.sandbox.SftpForwarderSimulator;
import com.returnsgateway.testsupport.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile and broken input from the outside systems the gateway polls and calls: bad return objects and broken pages
 * from a marketplace end in the quarantine with their reason; garbled forwarder answers put the case in manual review
 * with the reason and nothing is sent twice; bad SFTP files go to error/ with a report. Everything else goes on.
 */
class BadFeedInputTest extends SandboxGatewayTest {

    static final AtomicInteger INPUTS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    SftpForwarderSimulator sftp;

    @AfterAll
    static void count() {
        System.out.println("BadFeedInputTest: " + INPUTS.get() + " hostile inputs from marketplaces, forwarders and SFTP");
    }

    // ---------------------------------------------------------------- marketplace: bad return objects

    static Stream<Arguments> badReturnObjects() {
        return Stream.of(
                Arguments.of("missing orderId", "orderId", (Consumer<ObjectNode>) r -> r.remove("orderId")),
                Arguments.of("unknown enum", "resolution", (Consumer<ObjectNode>) r -> r.put("resolution", "TELEPORT")),
                Arguments.of("negative amount", "items[0].unitPrice.amount",
                        (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("items").get(0).get("unitPrice")).put("amount", "-5")),
                Arguments.of("CR/LF in name", "buyer.name",
                        (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("buyer")).put("name", "Jo\r\nBcc: x@evil.example")),
                Arguments.of("invalid email", "buyer.email",
                        (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("buyer")).put("email", "jo at example dot com")),
                Arguments.of("wrong type: items is a string", "items",
                        (Consumer<ObjectNode>) r -> r.put("items", "one mug")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReturnObjects")
    void aBadReturnIsQuarantinedWithTheFieldAndItsNeighbourBecomesACase(String what, String field,
                                                                        Consumer<ObjectNode> breakIt) {
        ObjectNode bad = returnObject("sandbox-eu", "EUR", "30.00", null);
        breakIt.accept(bad);
        ObjectNode good = returnObject("sandbox-eu", "EUR", "30.00", null);
        var reply = sandbox.post("/sandbox/marketplace/returns", Http.JSON.createArrayNode().add(bad).add(good));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        INPUTS.incrementAndGet();

        JsonNode entry = quarantined(e -> bad.get("returnId").asString().equals(e.get("reference").asString()));

        assertThat(entry.get("source").asString()).isEqualTo("marketplace:sandbox-eu");
        assertThat(entry.get("reason").asString()).as(what).contains(field + ":");
        assertThat(api.get("/api/quarantine/" + entry.get("id").asLong()).json().get("payload").asString())
                .contains(bad.get("returnId").asString());
        caseWhere(good, c -> true);
    }

    // ---------------------------------------------------------------- marketplace: broken pages

    static Stream<Arguments> brokenPages() {
        String huge = "{\"returns\": [], \"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        return Stream.of(
                Arguments.of("an empty body", "sandbox-jp", "application/json", "", "the page is empty"),
                Arguments.of("an HTML page with HTTP 200", "sandbox-cn", "text/html",
                        "<html><body><h1>Maintenance</h1></body></html>", "not valid JSON (Content-Type text/html"),
                Arguments.of("truncated JSON", "sandbox-jp", "application/json",
                        "{\"returns\": [{\"marketplace\": \"sandbox-jp\", \"retu", "not valid JSON"),
                Arguments.of("a page without a returns array", "sandbox-cn", "application/json",
                        "{\"items\": [], \"nextPageToken\": null}", "no \"returns\" array"),
                Arguments.of("returns is an object", "sandbox-jp", "application/json",
                        "{\"returns\": {\"R-1\": {}}}", "no \"returns\" array"),
                Arguments.of("a 5 MB page", "sandbox-cn", "application/json", huge, "at most 4194304"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPages")
    void aBrokenPageIsQuarantinedAndTheReturnsBehindItStillArrive(String what, String marketplace, String type,
                                                                    String page, String reason) throws Exception {
        long before = lastQuarantineId();
        ObjectNode waiting = returnObject(marketplace, "USD", "25.00", null);
        marketplaceHas(waiting);
        HttpResponse<String> hook = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/sandbox/marketplace/" + marketplace + "/next-page"))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(page)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
        INPUTS.incrementAndGet();

        JsonNode entry = quarantined(e -> e.get("id").asLong() > before && "page".equals(e.get("reference").asString())
                && ("marketplace:" + marketplace).equals(e.get("source").asString()));

        assertThat(entry.get("reason").asString()).as(what).contains(reason);
        // nothing lost: the next poll reads the real page again from the checkpoint
        caseWhere(waiting, c -> true);
    }

    // ---------------------------------------------------------------- forwarder answers

    static Stream<Arguments> garbledForwarderAnswers() {
        return Stream.of(
                Arguments.of("status: HTML with HTTP 200", "status", 200, "text/html", "<html><body>Login</body></html>",
                        "answered with invalid JSON"),
                Arguments.of("status: truncated JSON", "status", 200, "application/json", "{\"waybill\": \"4PX1\", \"sta",
                        "answered with invalid JSON"),
                Arguments.of("status: empty body", "status", 200, "application/json", "", "empty body"),
                Arguments.of("status: status is an object", "status", 200, "application/json",
                        "{\"status\": {\"code\": \"F\"}}", "not a status code (object)"),
                Arguments.of("status: HTTP 400", "status", 400, "application/json", "{\"error\": \"bad waybill\"}",
                        "answered HTTP 400"),
                Arguments.of("intercept: outcome MAYBE", "intercept", 200, "application/json",
                        "{\"outcome\": \"MAYBE\"}", "without outcome ACCEPTED or REJECTED"),
                Arguments.of("intercept: outcome is an object", "intercept", 200, "application/json",
                        "{\"outcome\": {\"value\": \"ACCEPTED\"}}", "without outcome ACCEPTED or REJECTED"),
                Arguments.of("intercept: HTML with HTTP 200", "intercept", 200, "text/html", "<html>oops</html>",
                        "intercept with invalid JSON"),
                Arguments.of("intercept: empty body", "intercept", 200, "application/json", "", "empty body"),
                Arguments.of("intercept: HTTP 422", "intercept", 422, "application/json", "{\"error\": \"nope\"}",
                        "answered HTTP 422"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbledForwarderAnswers")
    void aGarbledForwarderAnswerPutsTheCaseInManualReviewWithTheReason(String what, String call, int status,
                                                                        String type, String body, String reason)
            throws Exception {
        // generic-express: the forwarder of the gateway's own HTTP contract, whose answers the sandbox can garble
        String waybill = waybill("GE");
        parcel("generic-express", waybill, "Pending", true);
        HttpResponse<String> hook = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                        + "/sandbox/forwarders/generic-express/next-response?call=" + call + "&waybill=" + waybill
                        + "&status=" + status))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
        ObjectNode request = returnObject("sandbox-us", "USD", "40.00",
                Map.of("forwarder", "generic-express", "waybill", waybill));
        api.post("/api/returns", request);
        INPUTS.incrementAndGet();

        JsonNode c = caseWhere(request, d -> "MANUAL_REVIEW".equals(d.get("status").asString()));

        assertThat(c.get("statusReason").asString()).as(what).contains(reason);
        assertThat(refundsFor(request.get("returnId").asString())).isEmpty();
        assertThat(interceptsOf("generic-express", waybill)).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(i -> assertThat(i.get("replays").asInt()).isZero());
    }

    // ---------------------------------------------------------------- SFTP files

    @Test
    void badSftpFilesGoToErrorWithAReportAndTheNextGoodFileIsRead() throws Exception {
        String tag = waybill("F");
        String header = "request_id,waybill,outcome,code,message,answered_at\r\n";
        byte[] nonUtf8 = (header + "r-1,WB1,ACCEPTED,,caf").getBytes(StandardCharsets.UTF_8);
        nonUtf8 = concat(nonUtf8, new byte[] {(byte) 0xC3, 0x28}, ",2026-11-26T08:00:00Z\r\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("results-nonutf8-" + tag + ".csv", nonUtf8);
        files.put("results-header-" + tag + ".csv",
                "id,waybill,result\r\nr-1,WB1,ACCEPTED\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("status-huge-" + tag + ".csv", ("waybill,status_code,event_time,location\r\n"
                + ("WB1,SHIPPED,2026-11-26T08:00:00Z," + "x".repeat(100) + "\r\n").repeat(50_000))
                .getBytes(StandardCharsets.UTF_8));
        files.put("results-cr-" + tag + ".csv", (header + "\"req\rid\",WB1,ACCEPTED,,,2026-11-26T08:00:00Z\r\n")
                .getBytes(StandardCharsets.UTF_8));
        // empty: camel-ftp's read lock used to wait readLockTimeout (20 s) on it at every poll, stalling the rest
        files.put("results-empty-" + tag + ".csv", new byte[0]);
        Map<String, String> reasons = Map.of(
                "results-nonutf8-" + tag + ".csv", "not UTF-8 (byte 0xC3",
                "results-header-" + tag + ".csv", "wrong header",
                "status-huge-" + tag + ".csv", "at most 2097152",
                "results-cr-" + tag + ".csv", "must not contain spaces or line breaks",
                "results-empty-" + tag + ".csv", "the file is empty");
        // a name that tries to leave the folder (backslash is a path separator elsewhere): never read
        Path traversal = outbound().resolve("results-..\\..\\x-" + tag + ".csv");
        Files.createDirectories(outbound());
        Files.writeString(traversal, header);

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path tmp = outbound().resolve(".upload-" + file.getKey());
            Files.write(tmp, file.getValue());
            Files.move(tmp, outbound().resolve(file.getKey()));
        }
        INPUTS.addAndGet(files.size() + 1);

        for (Map.Entry<String, String> expected : reasons.entrySet()) {
            Path report = outbound().resolve("error/" + expected.getKey() + ".report.txt");
            // the report is written first, the file is moved when the route is done with it
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report)
                    && Files.exists(outbound().resolve("error/" + expected.getKey())));
            assertThat(Files.readString(report)).as(expected.getKey()).contains(expected.getValue())
                    .contains("REJECTED");
        }
        // the gateway keeps reading: a good status file after all that is applied and moved to done/
        String good = "status-good-" + tag + ".csv";
        Path tmp = outbound().resolve(".upload-" + good);
        Files.writeString(tmp, "waybill,status_code,event_time\r\nSC" + tag + ",SHIPPED,2026-11-26T08:00:00Z\r\n");
        Files.move(tmp, outbound().resolve(good));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outbound().resolve("done/" + good)));
        assertThat(traversal).exists();
        assertThat(outbound().resolve("done/" + traversal.getFileName())).doesNotExist();
        assertThat(outbound().resolve("error/" + traversal.getFileName())).doesNotExist();
        assertThat(outbound().getParent().getParent().resolve("x-" + tag + ".csv")).doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    private Path outbound() {
        return sftp.root().resolve("outbound");
    }

    private long lastQuarantineId() {
        JsonNode list = api.get("/api/quarantine?size=1").json().get("entries");
        return list.isEmpty() ? 0 : list.get(0).get("id").asLong();
    }

    private JsonNode quarantined(java.util.function.Predicate<JsonNode> match) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> found = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode e : api.get("/api/quarantine?size=200").json().get("entries")) {
                if (match.test(e)) {
                    found.set(e);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

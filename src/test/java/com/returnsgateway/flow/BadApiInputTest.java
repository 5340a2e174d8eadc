package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.returnsgateway.testsupport.Http;

/**
 * Hostile and broken input at {@code POST /api/returns}: each gets 400 (or 413) application/problem+json naming the
 * field, the server stays up, and the next good request still opens a case.
 */
class BadApiInputTest extends SandboxGatewayTest {

    static final AtomicInteger INPUTS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @AfterAll
    static void count() {
        System.out.println("BadApiInputTest: " + INPUTS.get() + " hostile inputs at the API");
    }

    /** A field-level problem: the body is a valid return with one thing broken. */
    static Stream<Arguments> invalidFields() {
        return Stream.of(
                bad("wrong type: quantity is a string", "items[0].quantity", r -> item(r).put("quantity", "two")),
                bad("wrong type: quantity 1e20", "items[0].quantity", r -> item(r).put("quantity", new java.math.BigInteger("100000000000000000000"))),
                bad("wrong type: buyer is a string", "buyer", r -> r.put("buyer", "Jane")),
                bad("wrong type: items is an object", "items", r -> r.putObject("items")),
                bad("wrong type: returnId is a number", "returnId", r -> r.put("returnId", 42)),
                bad("wrong type: unitPrice is a number", "items[0].unitPrice", r -> item(r).put("unitPrice", 12.5)),
                bad("missing returnId", "returnId", r -> r.remove("returnId")),
                bad("missing orderId", "orderId", r -> r.remove("orderId")),
                bad("missing buyer email", "buyer.email", r -> buyer(r).remove("email")),
                bad("missing address", "buyer.address", r -> buyer(r).remove("address")),
                bad("missing items", "items", r -> r.remove("items")),
                bad("unknown enum resolution", "resolution", r -> r.put("resolution", "EXCHANGE")),
                bad("unknown enum refundType", "refundType", r -> r.put("refundType", "HALF")),
                bad("unknown marketplace", "marketplace", r -> r.put("marketplace", "ebay-mars")),
                bad("negative amount", "items[0].unitPrice.amount", r -> price(r).put("amount", "-19.99")),
                bad("zero amount", "items[0].unitPrice.amount", r -> price(r).put("amount", "0.00")),
                bad("absurd amount 1e999999999", "items[0].unitPrice.amount", r -> price(r).put("amount", "1e999999999")),
                bad("absurd amount 10^9", "items[0].unitPrice.amount", r -> price(r).put("amount", "1000000000.00")),
                bad("more decimals than the currency", "items[0].unitPrice.amount", r -> price(r).put("amount", "19.999")),
                bad("unknown currency", "items[0].unitPrice.currency", r -> price(r).put("currency", "XBT")),
                bad("currency mismatch between items", "items[1].unitPrice.currency", r -> {
                    ObjectNode second = ((tools.jackson.databind.node.ArrayNode) r.get("items")).addObject();
                    second.put("sku", "SKU-2");
                    second.put("quantity", 1);
                    second.putObject("unitPrice").put("amount", "5.00").put("currency", "EUR");
                }),
                bad("the same SKU listed twice", "items[1].sku", r -> {
                    ObjectNode second = ((tools.jackson.databind.node.ArrayNode) r.get("items")).addObject();
                    second.put("sku", item(r).get("sku").asString());
                    second.put("quantity", 1);
                    second.putObject("unitPrice").put("amount", "19.99").put("currency", "USD");
                }),
                bad("ordered fewer than returned", "items[0].orderedQuantity", r -> item(r).put("quantity", 2)
                        .put("orderedQuantity", 1)),
                bad("refund currency mismatch", "requestedRefund.currency", r -> {
                    r.put("refundType", "PARTIAL");
                    r.putObject("requestedRefund").put("amount", "5.00").put("currency", "EUR");
                }),
                bad("partial refund above the order value", "requestedRefund.amount", r -> {
                    r.put("refundType", "PARTIAL");
                    r.putObject("requestedRefund").put("amount", "500.00").put("currency", "USD");
                }),
                bad("partial refund without an amount", "requestedRefund", r -> r.put("refundType", "PARTIAL")),
                bad("comment over 4000 characters", "comment", r -> r.put("comment", "x".repeat(5000))),
                bad("comment with NUL", "comment", r -> r.put("comment", "fine\u0000then not")),
                bad("CR/LF in name (header injection)", "buyer.name", r -> buyer(r).put("name", "Jane\r\nBcc: evil@x.example")),
                bad("NUL in name", "buyer.name", r -> buyer(r).put("name", "Jane\u0000Doe")),
                bad("CR/LF in email", "buyer.email", r -> buyer(r).put("email", "jane@x.example\r\nBcc: evil@x.example")),
                bad("NUL in email", "buyer.email", r -> buyer(r).put("email", "jane\u0000@x.example")),
                bad("invalid email: no @", "buyer.email", r -> buyer(r).put("email", "not-an-address")),
                bad("invalid email: no domain dot", "buyer.email", r -> buyer(r).put("email", "jane@localhost")),
                bad("invalid email: two @", "buyer.email", r -> buyer(r).put("email", "jane@@x.example")),
                bad("invalid email: markup", "buyer.email", r -> buyer(r).put("email", "<script>@x.example")),
                bad("unknown country", "buyer.address.country", r -> address(r).put("country", "XX")),
                bad("CR/LF in address line", "buyer.address.line1", r -> address(r).put("line1", "1 Main St\r\nX")),
                bad("requestedAt not a time", "requestedAt", r -> r.put("requestedAt", "yesterday")),
                bad("returnId with markup", "returnId", r -> r.put("returnId", "<script>alert(1)</script>")),
                bad("waybill with a path", "shipment.waybill", r -> r.putObject("shipment").put("forwarder", "4px")
                        .put("waybill", "../../etc/passwd")),
                bad("unknown forwarder", "shipment.forwarder", r -> r.putObject("shipment").put("forwarder", "dhl-moon")
                        .put("waybill", "WB12345")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void aBrokenFieldIsNamed(String what, String field, UnaryOperator<ObjectNode> breakIt) {
        ObjectNode request = breakIt.apply(returnObject("sandbox-us", "USD", "19.99", null));

        JsonNode problem = expectProblem(send(Http.JSON.writeValueAsBytes(request), "application/json", false), 400);

        assertThat(problem.get("errors").findValuesAsString("field")).as(what).contains(field);
    }

    /** Broken documents: the whole body ("$") is named. */
    static Stream<Arguments> brokenDocuments() {
        String valid = Http.JSON.writeValueAsString(returnObject("sandbox-us", "USD", "19.99", null));
        byte[] nonUtf8 = valid.replace("Test Buyer", "Test \u0001Buyer").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < nonUtf8.length; i++) {
            if (nonUtf8[i] == 0x01) {
                nonUtf8 = spliceBadUtf8(nonUtf8, i);
                break;
            }
        }
        return Stream.of(
                Arguments.of("malformed JSON", "{\"marketplace\": \"sandbox-us\", \"returnId\" \"R-1\"}".getBytes(StandardCharsets.UTF_8), "not valid JSON"),
                Arguments.of("truncated body", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8), "not valid JSON"),
                Arguments.of("empty body", new byte[0], "could not be read"),
                Arguments.of("a JSON array instead of an object", ("[" + valid + "]").getBytes(StandardCharsets.UTF_8), "must be a JSON object"),
                Arguments.of("a bare string", "\"hello\"".getBytes(StandardCharsets.UTF_8), "must be a JSON object"),
                Arguments.of("non-UTF-8 bytes 0xC3 0x28", nonUtf8, "not valid UTF-8"),
                Arguments.of("JSON nested 10 000 levels deep",
                        ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8), "nesting depth"),
                Arguments.of("10 000 levels of objects in a field",
                        ("{\"comment\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001)).getBytes(StandardCharsets.UTF_8),
                        "nesting depth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void aBrokenDocumentIsRefusedWholeAndClearly(String what, byte[] body, String detail) {
        JsonNode problem = expectProblem(send(body, "application/json", false), 400);

        assertThat(problem.get("errors").findValuesAsString("field")).as(what).containsExactly("$");
        assertThat(problem.get("errors").get(0).get("message").asString()).as(what).contains(detail);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);
        request.put("comment", "x".repeat(1024 * 1024));

        JsonNode declared = expectProblem(send(Http.JSON.writeValueAsBytes(request), "application/json", false), 413);
        JsonNode chunked = expectProblem(send(Http.JSON.writeValueAsBytes(request), "application/json", true), 413);

        assertThat(declared.get("detail").asString()).contains("at most 262144");
        assertThat(chunked.get("detail").asString()).contains("more than 262144");
        stillWorks();
    }

    @Test
    void aBodyJustUnderTheLimitIsReadChunkedToo() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);
        request.put("comment", "fits");

        HttpResponse<byte[]> reply = send(Http.JSON.writeValueAsBytes(request), "application/json", true);

        assertThat(reply.statusCode()).isEqualTo(202);
    }

    @Test
    void anotherContentTypeIsRefusedWith415() {
        HttpResponse<byte[]> reply = send("returnId=1".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", false);
        INPUTS.incrementAndGet();

        assertThat(reply.statusCode()).isEqualTo(415);
    }

    @Test
    void markupInACommentIsAcceptedAndEscapedInTheEmails() {
        String waybill = waybill("4PX");
        parcel("4px", waybill, "F", true);
        ObjectNode request = returnObject("sandbox-us", "USD", "45.00", java.util.Map.of("forwarder", "4px", "waybill", waybill));
        request.put("comment", "<script>alert('x')</script><img src=x onerror=alert(1)>");
        ((ObjectNode) request.get("buyer")).put("name", "Eve <script>alert(2)</script>");

        HttpResponse<byte[]> reply = send(Http.JSON.writeValueAsBytes(request), "application/json", false);
        INPUTS.incrementAndGet();

        assertThat(reply.statusCode()).isEqualTo(202);
        settledCase(request);
        List<JsonNode> mails = mailsTo(buyerEmail(request));
        assertThat(mails).isNotEmpty();
        for (JsonNode mail : mails) {
            String html = mail.get("htmlBody").asString();
            assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
        }
    }

    @Test
    void aDuplicateIdWithAnotherBodyIsAConflictNamingItsCase() {
        ObjectNode request = returnObject("sandbox-us", "USD", "19.99", null);
        byte[] body = Http.JSON.writeValueAsBytes(request);
        HttpResponse<byte[]> first = send(body, "application/json", false);
        request.put("comment", "sent again with another comment");

        JsonNode problem = expectProblem(send(Http.JSON.writeValueAsBytes(request), "application/json", false), 409);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(problem.get("caseId").asString()).isEqualTo(Http.JSON.readTree(first.body()).get("caseId").asString());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("comment");
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode expectProblem(HttpResponse<byte[]> reply, int status) {
        INPUTS.incrementAndGet();
        String text = new String(reply.body(), StandardCharsets.UTF_8);
        assertThat(reply.statusCode()).as(text).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Http.JSON.readTree(reply.body());
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    private void stillWorks() {
        ObjectNode good = returnObject("sandbox-us", "USD", "19.99", null);
        assertThat(send(Http.JSON.writeValueAsBytes(good), "application/json", false).statusCode()).isEqualTo(202);
    }

    private HttpResponse<byte[]> send(byte[] body, String contentType, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/returns"))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sandbox:sandbox".getBytes()))
                .timeout(Duration.ofSeconds(20))
                .POST(publisher).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] spliceBadUtf8(byte[] body, int at) {
        byte[] out = new byte[body.length + 1];
        System.arraycopy(body, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(body, at + 1, out, at + 2, body.length - at - 1);
        return out;
    }

    private static Arguments bad(String what, String field, java.util.function.Consumer<ObjectNode> change) {
        return Arguments.of(what, field, (UnaryOperator<ObjectNode>) r -> {
            change.accept(r);
            return r;
        });
    }

    private static ObjectNode buyer(ObjectNode r) {
        return (ObjectNode) r.get("buyer");
    }

    private static ObjectNode address(ObjectNode r) {
        return (ObjectNode) r.get("buyer").get("address");
    }

    private static ObjectNode item(ObjectNode r) {
        return (ObjectNode) r.get("items").get(0);
    }

    private static ObjectNode price(ObjectNode r) {
        return (ObjectNode) r.get("items").get(0).get("unitPrice");
    }
}

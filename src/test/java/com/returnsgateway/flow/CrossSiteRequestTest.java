package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import com.returnsgateway.testsupport.Http;

/**
 * What a foreign web page can make a logged-in browser send (a form post: urlencoded, multipart or text/plain, no
 * custom headers) does not change anything: the API wants JSON or X-Requested-By; browser sessions need a CSRF token.
 */
class CrossSiteRequestTest extends SandboxGatewayTest {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("sandbox:sandbox".getBytes(StandardCharsets.UTF_8));

    @Test
    void aFormPostOfAReturnIsRefusedWith415() {
        String json = Http.JSON.writeValueAsString(returnObject("sandbox-us", "USD", "19.99", null));

        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data"}) {
            HttpResponse<String> reply = post("/api/returns", type, json, false);

            JsonNode problem = problem(reply, 415);
            assertThat(problem.get("detail").asString()).as(type).contains("application/json").contains(type);
        }
    }

    @Test
    void aPostWithoutBodyNeedsTheCustomHeaderOrJson() {
        String retry = "/api/cases/RC-NOSUCHCASE/retry";

        assertThat(problem(post(retry, null, "", false), 403).get("detail").asString())
                .contains("X-Requested-By");
        problem(post(retry, "text/plain", "", false), 403);
        problem(post("/api/cases/RC-NOSUCHCASE/received", "application/x-www-form-urlencoded", "", false), 403);
        problem(post(retry, "application/x-www-form-urlencoded", "retry=1", false), 415);
        // the shapes tools send reach the API, which answers for the unknown case
        assertThat(post(retry, null, "", true).statusCode()).isEqualTo(404);
        assertThat(post(retry, "application/json", "", false).statusCode()).isEqualTo(404);
    }

    @Test
    void theLoginFormCarriesACsrfTokenAndAPostWithoutItIsRefused() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();

        HttpResponse<String> forged = browser.send(form("username=sandbox&password=sandbox"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> real = browser.send(form("username=sandbox&password=sandbox&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpRequest form(String body) {
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> post(String path, String contentType, String body, boolean requestedBy) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (requestedBy) {
            request.header("X-Requested-By", "ops-script");
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode problem(HttpResponse<String> reply, int status) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return Http.JSON.readTree(reply.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }
}

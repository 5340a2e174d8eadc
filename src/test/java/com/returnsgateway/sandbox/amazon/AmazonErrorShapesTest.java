package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.returnsgateway.testsupport.Http;

import tools.jackson.databind.JsonNode;

/**
 * Every refusal of the Amazon simulator comes in the shape of the service behind the path, Spring's own 404, 405 and
 * 415 included: {@code {"errors":[..]}} for the Selling Partner API and the sandbox endpoints beside it,
 * {@code {"error","error_description"}} for Login with Amazon, an XML {@code <Error>} for S3.
 */
class AmazonErrorShapesTest extends AmazonSimulatorWebTest {

    private static final String SP = "/sandbox/amazon/sp";

    /** An SP-API error body and nothing else; returns its one error. */
    private static JsonNode spError(Http.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().propertyNames()).containsExactly("errors");
        JsonNode error = firstError(reply);
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).isNotBlank();
        return error;
    }

    @Test
    void sellingPartnerApiPathsAnswerAmazonsErrorsShape() {
        String token = accessToken(US_REFRESH_TOKEN);
        for (List<String> call : List.of(List.of("PUT", "/reports/2021-06-30/reports"),
                List.of("DELETE", "/feeds/2021-06-30/documents"),
                List.of("POST", "/orders/v0/orders/113-7720145-9981306"),
                List.of("PATCH", "/tokens/2021-03-01/restrictedDataToken"),
                List.of("POST", "/finances/v0/orders/113-7720145-9981306/financialEvents"))) {
            Http.Reply reply = http.send(call.get(0), SP + call.get(1), "{}", "application/json",
                    "x-amz-access-token", token);
            JsonNode error = spError(reply, 405, "MethodNotAllowed");
            assertThat(error.get("message").stringValue()).as(call.toString()).contains(call.get(0));
            assertThat(reply.header("Allow")).as(call.toString()).isNotBlank();
        }
        assertThat(http.send("PUT", SP + "/reports/2021-06-30/reports", "{}", "application/json").header("Allow"))
                .contains("GET").contains("POST");

        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            Http.Reply reply = http.send("POST", SP + "/feeds/2021-06-30/documents",
                    "{\"contentType\":\"text/xml; charset=UTF-8\"}", contentType, "x-amz-access-token", token);
            assertThat(spError(reply, 415, "UnsupportedMediaType").get("message").stringValue())
                    .isEqualTo("The request's Content-Type header is invalid.");
        }
        Http.Reply noContentType = http.send("POST", SP + "/reports/2021-06-30/reports", "{}", null,
                "x-amz-access-token", token);
        assertThat(noContentType.status()).isIn(400, 415);
        assertThat(noContentType.json().propertyNames()).containsExactly("errors");

        for (String path : List.of("/nothing/here", "/reports/2021-06-30/schedules", "/orders/v0",
                "/reports/2020-09-04/reports/1")) {
            spError(http.get(SP + path, "x-amz-access-token", token), 404, "NotFound");
        }
        // the bad JSON and bad parameter refusals keep the same shape
        spError(http.send("POST", SP + "/feeds/2021-06-30/feeds", "{not json", "application/json",
                "x-amz-access-token", token), 400, "InvalidInput");
    }

    @Test
    void theSandboxEndpointsBesideTheApiAnswerTheSameShape() {
        spError(http.send("PUT", "/sandbox/amazon/stats", "{}", "application/json"), 405, "MethodNotAllowed");
        spError(http.send("PATCH", "/sandbox/amazon", "{}", "application/json"), 405, "MethodNotAllowed");
        spError(http.get("/sandbox/amazon/no-such-control"), 404, "NotFound");
        spError(http.send("POST", "/sandbox/amazon/orders", "orderId=1", "text/plain"), 415, "UnsupportedMediaType");
    }

    @Test
    void loginWithAmazonAnswersItsOAuthShape() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            Http.Reply reply = http.send(method, "/sandbox/amazon/auth/o2/token", null, null);
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.json().propertyNames()).containsExactlyInAnyOrder("error", "error_description");
            assertThat(reply.json().get("error").stringValue()).isEqualTo("invalid_request");
        }
        Http.Reply unknown = http.get("/sandbox/amazon/auth/o2/authorize");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().propertyNames()).containsExactlyInAnyOrder("error", "error_description");
        Http.Reply json = http.send("POST", "/sandbox/amazon/auth/o2/token", "{\"grant_type\":\"refresh_token\"}",
                "application/json");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().propertyNames()).containsExactlyInAnyOrder("error", "error_description");
    }

    @Test
    void theDocumentStoreAnswersS3sXml() {
        String token = accessToken(US_REFRESH_TOKEN);
        String url = spPost(token, "/feeds/2021-06-30/documents", java.util.Map.of("contentType",
                "text/xml; charset=UTF-8")).json().get("url").stringValue();
        for (String method : List.of("DELETE", "POST", "PATCH")) {
            Http.Reply reply = http.send(method, url, null, null);
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.header("Content-Type")).startsWith("application/xml");
            assertThat(reply.text()).contains("<Error><Code>MethodNotAllowed</Code><Message>The specified method is "
                    + "not allowed against this resource.</Message><Method>" + method + "</Method>");
        }
        Http.Reply unknown = http.get("/sandbox/amazon/s3/no-such-bucket/x");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/xml");
        assertThat(unknown.text()).contains("<Error><Code>NoSuchKey</Code>");
    }
}

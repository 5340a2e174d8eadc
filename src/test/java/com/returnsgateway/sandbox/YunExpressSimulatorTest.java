package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.testsupport.Http;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The YunExpress simulators as a client meets them: credentials checked exactly, signatures over the bytes sent, the
 * request limit, a told error, and their envelopes for every error. The limit is shared by every test here, so a call
 * that is not about it waits out a throttled answer.
 */
class YunExpressSimulatorTest extends SandboxWebTest {

    private static final String OMS = "/sandbox/yunexpress/oms/api";
    private static final String OPENAPI = "/sandbox/yunexpress/openapi";
    private static final String APP_SECRET = "sandbox-openapi-app-secret";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theOmsAnswersTheSeededParcelWithTheRightCredentialsAndCode1002WithAWrongSecret() {
        Http.Reply right = oms(() -> omsAs("SBXYT0001&sandbox-oms-api-secret")
                .get(OMS + "/Tracking/GetTrackInfo?OrderNumber=YT2611250001003"));
        assertThat(right.json().get("Code").asString()).isEqualTo("0000");
        assertThat(right.json().get("Item").get("PackageState").asInt()).isEqualTo(2);

        Http.Reply wrong = oms(() -> omsAs("SBXYT0001&not-the-secret")
                .get(OMS + "/Tracking/GetTrackInfo?OrderNumber=YT2611250001003"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json().get("Code").asString()).isEqualTo("1002");
        assertThat(wrong.json().get("Item").isNull()).isTrue();
    }

    @Test
    void theOmsAnswersCode10000BeyondItsRequestLimit() {
        Http client = omsAs("SBXYT0001&sandbox-oms-api-secret");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            codes.add(client.get(OMS + "/Tracking/GetTrackInfo?OrderNumber=YT2611250001001").json().get("Code")
                    .asString());
        }
        assertThat(codes).contains("10000");
        await().atMost(Duration.ofSeconds(5)).until(() -> "0000".equals(client
                .get(OMS + "/Tracking/GetTrackInfo?OrderNumber=YT2611250001001").json().get("Code").asString()));
    }

    @Test
    void theOmsFailsOnceWhenToldAndAnswersItsEnvelopeOnUnknownPathsAndMethods() {
        assertThat(http.put("/sandbox/yunexpress/oms/next-error?code=9999&message=System%20error", "").status())
                .isEqualTo(200);
        Http client = omsAs("SBXYT0001&sandbox-oms-api-secret");
        assertThat(client.get(OMS + "/Tracking/GetTrackInfo?OrderNumber=YT2611250001001").json().get("Code")
                .asString()).isEqualTo("9999");
        assertThat(oms(() -> client.get(OMS + "/Tracking/GetTrackInfo?OrderNumber=YT2611250001001")).json()
                .get("Code").asString()).isEqualTo("0000");

        Http.Reply notFound = http.get(OMS + "/No/Such/Api");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().has("Code")).isTrue();
        Http.Reply wrongMethod = http.get(OMS + "/WayBill/Intercept");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().has("Code")).isTrue();
    }

    @Test
    void theOpenApiRefusesAWrongAppSecretAndABadSignatureAndAnswersASignedCall() throws Exception {
        Http.Reply refused = openApi(() -> http.post(OPENAPI + "/openapi/oauth2/token", """
                {"grantType":"client_credentials","appId":"sandbox-yunexpress-app","appSecret":"wrong"}"""));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("success").asBoolean()).isFalse();

        String token = openApi(() -> http.post(OPENAPI + "/openapi/oauth2/token", """
                {"grantType":"client_credentials","appId":"sandbox-yunexpress-app","appSecret":"%s"}"""
                .formatted(APP_SECRET))).json().get("accessToken").asString();

        String date = Long.toString(System.currentTimeMillis());
        String sign = hmac("date=" + date + "&method=GET&uri=/v1/track-service/info/get");
        Http.Reply track = openApi(() -> signed("GET", "/v1/track-service/info/get?order_number=YT2611250002003",
                null, token, date, sign));
        assertThat(track.status()).as(track.text()).isEqualTo(200);
        assertThat(track.json().get("result").get("package_status").asString()).isEqualTo("T");

        Http.Reply badSign = openApi(() -> signed("GET", "/v1/track-service/info/get?order_number=YT2611250002003",
                null, token, date, "not-the-signature"));
        assertThat(badSign.status()).isEqualTo(403);
        assertThat(badSign.json().get("success").asBoolean()).isFalse();

        Http.Reply badToken = openApi(() -> signed("GET", "/v1/track-service/info/get?order_number=YT2611250002003",
                null, "no-such-token", date, sign));
        assertThat(badToken.status()).isEqualTo(401);

        String body = "{\"waybill_number\":\"YT2611250002007\",\"remark\":\"r\"}";
        String bodySign = hmac("body=" + body + "&date=" + date + "&method=POST&uri=/v1/order/hold");
        Http.Reply hold = openApi(() -> signed("POST", "/v1/order/hold", body, token, date, bodySign));
        assertThat(hold.status()).as(hold.text()).isEqualTo(200);
        assertThat(hold.json().get("success").asBoolean()).as("a cancelled parcel cannot be held").isFalse();
    }

    @Test
    void theOpenApiAnswers429WithRetryAfterBeyondItsLimit() {
        List<Http.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            replies.add(http.post(OPENAPI + "/openapi/oauth2/token", "{}"));
        }
        assertThat(replies).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.json().get("code").asString()).isEqualTo("429");
        });
    }

    /** A call with the three OpenAPI headers (the test's Http client sends one header of its own at most). */
    private Http.Reply signed(String method, String pathAndQuery, String body, String token, String date,
                              String sign) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + OPENAPI
                        + pathAndQuery))
                .header("token", token).header("date", date).header("sign", sign).timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return reply(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Http.Reply reply(HttpResponse<byte[]> response) {
        return new Http.Reply(response.statusCode(), response);
    }

    private Http omsAs(String codeAndSecret) {
        return new Http(port).with("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(codeAndSecret.getBytes(StandardCharsets.UTF_8)));
    }

    /** The call's reply once it is not refused by the OMS request limit another test used up. */
    private static Http.Reply oms(Supplier<Http.Reply> call) {
        AtomicReference<Http.Reply> reply = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            reply.set(call.get());
            return !"10000".equals(reply.get().json().path("Code").asString());
        });
        return reply.get();
    }

    private static Http.Reply openApi(Supplier<Http.Reply> call) {
        AtomicReference<Http.Reply> reply = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            reply.set(call.get());
            return reply.get().status() != 429;
        });
        return reply.get();
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}

package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.returnsgateway.testsupport.Http;

import tools.jackson.databind.JsonNode;

class AmazonAuthTest extends AmazonSimulatorWebTest {

    private static final String ORDER = "/orders/v0/orders/113-7720145-9981306";

    @Test
    void exchangesARefreshTokenForAnAccessTokenAndCountsIt() {
        Http.Reply reply = exchange(US_REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).contains("no-store");
        JsonNode token = reply.json();
        assertThat(token.get("access_token").stringValue()).startsWith("Atza|").hasSizeGreaterThan(40);
        assertThat(token.get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(token.get("expires_in").intValue()).isEqualTo(3600);
        assertThat(token.get("refresh_token").stringValue()).isEqualTo(US_REFRESH_TOKEN);

        String second = accessToken(US_REFRESH_TOKEN);
        assertThat(second).isNotEqualTo(token.get("access_token").stringValue());
        assertThat(http.get("/sandbox/amazon/stats").json().get("tokenExchanges").intValue()).isEqualTo(2);
    }

    @Test
    void refusesWrongClientsUnknownRefreshTokensAndOtherGrants() {
        Http.Reply wrongSecret = exchange(US_REFRESH_TOKEN, CLIENT_ID, "not-the-secret");
        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(wrongSecret.json().get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(wrongSecret.json().get("error_description").stringValue()).isNotBlank();

        Http.Reply wrongClient = exchange(US_REFRESH_TOKEN, "amzn1.application-oa2-client.other", CLIENT_SECRET);
        assertThat(wrongClient.json().get("error").stringValue()).isEqualTo("invalid_client");

        Http.Reply unknown = exchange("Atzr|nobody", CLIENT_ID, CLIENT_SECRET);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").stringValue()).isEqualTo("invalid_grant");

        Http.Reply password = http.form("/sandbox/amazon/auth/o2/token", Map.of("grant_type", "password",
                "refresh_token", US_REFRESH_TOKEN, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(password.json().get("error").stringValue()).isEqualTo("unsupported_grant_type");

        Http.Reply missing = http.form("/sandbox/amazon/auth/o2/token", Map.of("grant_type", "refresh_token",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").stringValue()).isEqualTo("invalid_request");
        assertThat(missing.json().get("error_description").stringValue()).contains("refresh_token");

        JsonNode stats = http.get("/sandbox/amazon/stats").json();
        assertThat(stats.get("tokenExchanges").intValue()).isZero();
        assertThat(stats.get("refusedTokenExchanges").intValue()).isEqualTo(5);
    }

    @Test
    void spApiCallsNeedALiveAccessToken() {
        Http.Reply none = http.get("/sandbox/amazon/sp" + ORDER);
        assertThat(none.status()).isEqualTo(403);
        JsonNode error = firstError(none);
        assertThat(error.get("code").stringValue()).isEqualTo("Unauthorized");
        assertThat(error.get("message").stringValue()).isEqualTo("Access to requested resource is denied.");
        assertThat(none.header("x-amzn-RequestId")).isNotBlank();
        assertThat(none.header("x-amzn-RateLimit-Limit")).isEqualTo("0.5");

        Http.Reply forged = spGet("Atza|made-up", ORDER);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(firstError(forged).get("details").stringValue()).contains("not valid");

        String token = accessToken(US_REFRESH_TOKEN);
        Http.Reply ok = spGet(token, ORDER);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("x-amzn-RequestId")).isNotBlank().isNotEqualTo(none.header("x-amzn-RequestId"));
        assertThat(ok.header("x-amzn-RateLimit-Limit")).isEqualTo("0.5");

        advance(Duration.ofMinutes(59));
        assertThat(spGet(token, ORDER).status()).isEqualTo(200);
        advance(Duration.ofMinutes(1));
        Http.Reply expired = spGet(token, ORDER);
        assertThat(expired.status()).isEqualTo(403);
        JsonNode expiredError = firstError(expired);
        assertThat(expiredError.get("code").stringValue()).isEqualTo("Unauthorized");
        assertThat(expiredError.get("details").stringValue()).isEqualTo("The access token you provided has expired.");
        assertThat(spGet(accessToken(US_REFRESH_TOKEN), ORDER).status()).isEqualTo(200);
    }

    @Test
    void theTokenSpeaksForItsSellerOnly() {
        String jp = accessToken(JP_REFRESH_TOKEN);
        Http.Reply other = spGet(jp, ORDER);
        assertThat(other.status()).isEqualTo(404);
        assertThat(firstError(other).get("code").stringValue()).isEqualTo("NotFound");
        assertThat(spGet(jp, "/orders/v0/orders/503-3318842-7705126").status()).isEqualTo(200);
    }

    @Test
    void aResetKeepsIssuedTokensButZeroesTheCounters() {
        String token = accessToken(US_REFRESH_TOKEN);
        assertThat(http.delete("/sandbox/amazon").status()).isEqualTo(200);
        assertThat(spGet(token, ORDER).status()).isEqualTo(200);
        JsonNode stats = http.get("/sandbox/amazon/stats").json();
        assertThat(stats.get("tokenExchanges").intValue()).isZero();
        assertThat(stats.get("calls").get("getOrder").intValue()).isEqualTo(1);
    }
}

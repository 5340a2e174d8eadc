package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.sandbox.SimulatorsApplication;
import com.returnsgateway.testsupport.Http;
import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Base of the Amazon simulator tests: the standalone simulators (profile {@code simulators}) on a random port with
 * both seeds, a movable clock, and getOrderItems shrunk to a burst of 2 so a test can outrun it. Every test starts
 * from a reset (seed reloaded, counters zero, buckets full).
 */
@ActiveProfiles("simulators")
@SpringBootTest(classes = {SimulatorsApplication.class, AmazonTestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "sandbox.simulators.enabled=true",
                "sandbox.smtp.port=0",
                "sandbox.sftp.enabled=false",
                "sandbox.seed.enabled=true",
                "sandbox.seed.file=config/sandbox/seed.json",
                "sandbox.amazon.seed-file=config/sandbox/amazon-seed.json",
                "sandbox.amazon.rate-limits.getOrderItems.burst=2"})
abstract class AmazonSimulatorWebTest {

    static final String US_SELLER = "A3SANDBOXUS01";
    static final String JP_SELLER = "A3SANDBOXJP01";
    static final String US_REFRESH_TOKEN = "Atzr|sandbox-amazon-us";
    static final String JP_REFRESH_TOKEN = "Atzr|sandbox-amazon-jp";
    static final String CLIENT_ID = "amzn1.application-oa2-client.sandbox";
    static final String CLIENT_SECRET = "sandbox-lwa-secret";
    static final String US = "ATVPDKIKX0DER";
    static final String JP = "A1VC38T7YXB528";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SpClient http;

    @BeforeEach
    void resetSimulator() {
        http = new SpClient(port);
        assertThat(http.delete("/sandbox/amazon").status()).isEqualTo(200);
    }

    Http.Reply exchange(String refreshToken, String clientId, String clientSecret) {
        return http.form("/sandbox/amazon/auth/o2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", clientId, "client_secret", clientSecret));
    }

    String accessToken(String refreshToken) {
        Http.Reply reply = exchange(refreshToken, CLIENT_ID, CLIENT_SECRET);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("access_token").stringValue();
    }

    Http.Reply spGet(String token, String path) {
        return http.get("/sandbox/amazon/sp" + path, "x-amz-access-token", token);
    }

    Http.Reply spPost(String token, String path, Object body) {
        return http.post("/sandbox/amazon/sp" + path, body, "x-amz-access-token", token);
    }

    Instant now() {
        return clock.instant();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    static JsonNode firstError(Http.Reply reply) {
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).as(reply.text()).isNotNull();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors).hasSize(1);
        JsonNode error = errors.get(0);
        assertThat(error.has("code")).isTrue();
        assertThat(error.has("message")).isTrue();
        assertThat(error.has("details")).isTrue();
        return error;
    }
}

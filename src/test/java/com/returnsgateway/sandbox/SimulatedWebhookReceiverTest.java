package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The sandbox back office checks webhooks as a Standard Webhooks consumer does. */
class SimulatedWebhookReceiverTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final byte[] BODY = "{\"id\":\"e-1\",\"type\":\"case.opened\",\"data\":{\"caseId\":\"RC-1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private final SimulatedWebhookReceiver receiver = new SimulatedWebhookReceiver(
            SimulatedWebhookReceiver.SANDBOX_SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String sign(String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-backoffice-webhooks-made-up".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void aSignedFreshWebhookIsTakenInOnceAndItsRetryCounted() throws Exception {
        long ts = NOW.getEpochSecond();
        assertThat(receiver.receive("e-1", Long.toString(ts), sign("e-1", ts, BODY), BODY).status())
                .isEqualTo(HttpStatus.OK);
        var again = receiver.receive("e-1", Long.toString(ts + 30), sign("e-1", ts + 30, BODY), BODY);
        assertThat(again.status()).isEqualTo(HttpStatus.OK);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.get("caseId").asString()).isEqualTo("RC-1");
            assertThat(r.get("type").asString()).isEqualTo("case.opened");
            assertThat(r.get("attempts").asInt()).isEqualTo(2);
        });
    }

    @Test
    void aForgedSignatureAStaleTimestampAndMissingHeadersAreRefused() throws Exception {
        long ts = NOW.getEpochSecond();
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("RC-1", "RC-2")
                .getBytes(StandardCharsets.UTF_8);
        var forged = receiver.receive("e-1", Long.toString(ts), sign("e-1", ts, BODY), tampered);
        assertThat(forged.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.body().get("error").asString()).contains("webhook-signature does not match");

        long stale = ts - 301;
        var old = receiver.receive("e-1", Long.toString(stale), sign("e-1", stale, BODY), BODY);
        assertThat(old.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(old.body().get("error").asString()).contains("more than 5 minutes from now");

        assertThat(receiver.receive(null, Long.toString(ts), sign("e-1", ts, BODY), BODY).status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void oneGoodSignatureAmongSeveralIsEnoughAndFailNextFailsTheNextOnes() throws Exception {
        long ts = NOW.getEpochSecond();
        String signatures = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + sign("e-1", ts, BODY);
        receiver.failNext(1, 503);
        assertThat(receiver.receive("e-1", Long.toString(ts), signatures, BODY).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(receiver.receive("e-1", Long.toString(ts), signatures, BODY).status()).isEqualTo(HttpStatus.OK);
        assertThat(receiver.received().get(0).get("attempts").asInt()).isEqualTo(2);
    }
}

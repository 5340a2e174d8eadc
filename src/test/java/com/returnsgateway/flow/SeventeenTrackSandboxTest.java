package com.returnsgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnsgateway.adapter.seventeentrack.SeventeenTrack;
import com.returnsgateway.adapter.seventeentrack.TrackedNumbers;
import com.returnsgateway.adapter.seventeentrack.WebhookSignature;
import com.returnsgateway.adapter.yanwen.YanwenForwarder;
import com.returnsgateway.core.port.ForwarderPort.ParcelStatus;
import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import com.returnsgateway.testsupport.Http;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 17TRACK and Yanwen in the sandbox gateway: the webhook's signature checked on the raw body before anything is
 * parsed (through the real security chain), numbers registered with the 17TRACK simulator by the tracking route and
 * updated by its signed push, the simulator's own rules, and the Yanwen adapter against its simulator.
 */
class SeventeenTrackSandboxTest extends SandboxGatewayTest {

    /** The sandbox's made-up 17TRACK key (config/application-sandbox.yaml). */
    private static final String KEY = "sandbox-17track-key-0000";
    private static final String API = "/sandbox/17track/track/v2.2/";

    @Autowired
    SeventeenTrack tracking;

    @Autowired
    TrackedNumbers numbers;

    @Autowired
    YanwenForwarder yanwen;

    @Test
    void theSignIsTheSha256OfTheRawBodySlashTheKey() throws Exception {
        // computed here over the literal, independently of the adapter
        String body = "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\"}}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((body + "/" + "my-key")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(WebhookSignature.of(
                body.getBytes(StandardCharsets.UTF_8), "my-key")).isEqualTo(HexFormat.of().formatHex(digest))
                .hasSize(64).isLowerCase();
    }

    @Test
    void aSignedPushUpdatesTheNumberAndABadOrMissingSignChangesNothing() throws Exception {
        String number = number();
        tracking.follow(number, "dhl");
        String good = push(number, "Exception", "Exception_Returning", "2026-11-25T08:00:00Z");

        Http.Reply accepted = sandbox.post("/webhooks/17track", good, "sign", sign(good));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(tracking.latest(number).map(TrackingStatus::code)).contains("Exception_Returning");

        String forged = push(number, "Delivered", "Delivered_Other", "2026-11-25T09:00:00Z");
        Http.Reply badSign = sandbox.post("/webhooks/17track", forged, "sign", sign(good));
        assertThat(badSign.status()).isEqualTo(401);
        assertThat(badSign.json().get("error").asString()).contains("sign");
        Http.Reply noSign = sandbox.post("/webhooks/17track", forged);
        assertThat(noSign.status()).isEqualTo(401);
        Http.Reply wrongKey = sandbox.post("/webhooks/17track", forged, "sign", sign(forged, "another-key"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(tracking.latest(number).map(TrackingStatus::code)).contains("Exception_Returning");
    }

    @Test
    void aSignedPushOfMalformedJsonIsABadRequestAndAnUnknownNumberIsAcknowledged() throws Exception {
        String malformed = "{\"event\": \"TRACKING_UPDATED\", \"data\": {";
        assertThat(sandbox.post("/webhooks/17track", malformed, "sign", sign(malformed)).status()).isEqualTo(400);

        String unknown = push("NOT-FOLLOWED-" + UUID.randomUUID(), "Delivered", "Delivered_Other",
                "2026-11-25T09:00:00Z");
        assertThat(sandbox.post("/webhooks/17track", unknown, "sign", sign(unknown)).status()).isEqualTo(200);
    }

    @Test
    void aStoppedPushStopsTheNumber() throws Exception {
        String number = number();
        tracking.follow(number, null);
        String stopped = "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"" + number + "\",\"carrier\":0}}";
        assertThat(sandbox.post("/webhooks/17track", stopped, "sign", sign(stopped)).status()).isEqualTo(200);
        assertThat(numbers.find(number).orElseThrow().state()).isEqualTo(TrackedNumbers.State.STOPPED);
    }

    @Test
    void theRouteRegistersWithTheSimulatorWhichPushesTheStatusesSetThere() {
        String number = number();
        tracking.follow(number, "dhl");
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            Http.Reply known = sandbox.get("/sandbox/17track/numbers/" + number);
            assertThat(known.status()).isEqualTo(200);
            assertThat(known.json().get("registered").asBoolean()).isTrue();
            assertThat(known.json().get("carrier").asInt()).isEqualTo(100001);
        });

        Http.Reply set = sandbox.put("/sandbox/17track/numbers/" + number,
                Map.of("status", "Delivered", "subStatus", "Delivered_Other"));
        assertThat(set.status()).as(set.text()).isEqualTo(200);

        await().atMost(FLOW_TIMEOUT).untilAsserted(() ->
                assertThat(tracking.latest(number).map(TrackingStatus::code)).contains("Delivered_Other"));
    }

    @Test
    void theSimulatorRefusesAWrongKeyMoreThanFortyNumbersAndMoreThanThreeCallsASecond() {
        Http.Reply wrongKey = sandbox.post(API + "getquota", "[]", "17token", "not-the-key");
        assertThat(wrongKey.json().get("code").asInt()).isEqualTo(-18010002);

        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            many.add(Map.of("number", "MANY" + i));
        }
        await().atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            Http.Reply tooMany = sandbox.post(API + "register", many, "17token", KEY);
            assertThat(tooMany.status()).isEqualTo(200);
            assertThat(tooMany.json().get("code").asInt()).isNotZero();
            assertThat(tooMany.json().path("data").path("errors").get(0).get("message").asString()).contains("40");
        });

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(sandbox.post(API + "getquota", "[]", "17token", KEY).status());
        }
        assertThat(statuses).contains(429);
    }

    @Test
    void yanwenAnswersThroughItsSimulator() {
        String waybill = waybill("UG");
        parcel("yanwen", waybill, "LM75", false);
        ParcelStatus status = yanwen.status("yanwen", waybill);
        assertThat(status.code()).isEqualTo("LM75");
        assertThat(status.detail()).contains("(+8)", "Refused");
        assertThat(yanwen.status("yanwen", waybill("UG")).known()).isFalse();

        Http.Reply refused = sandbox.with("Authorization", "not-the-customer")
                .get("/sandbox/yanwen/api/tracking?nums=" + waybill);
        assertThat(refused.json().get("code").asInt()).isEqualTo(401);
        Http.Reply several = sandbox.with("Authorization", "SANDBOX-YW-100200")
                .get("/sandbox/yanwen/api/tracking?nums=" + waybill + ",UGNONE1YP");
        assertThat(several.json().get("result").size()).isEqualTo(2);
        assertThat(several.json().get("result").get(1).get("tracking_status").asString()).isEqualTo("NOTFOUND");
    }

    private static String number() {
        return "JJD" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
    }

    private static String push(String number, String status, String subStatus, String at) {
        return "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"" + number + "\",\"carrier\":100001,"
                + "\"tag\":null,\"track_info\":{\"latest_status\":{\"status\":\"" + status + "\",\"sub_status\":\""
                + subStatus + "\"},\"latest_event\":{\"time_utc\":\"" + at + "\",\"description\":\"" + subStatus
                + "\",\"location\":\"Leipzig\"}}}}";
    }

    private static String sign(String body) throws Exception {
        return sign(body, KEY);
    }

    private static String sign(String body, String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((body + "/" + key).getBytes(StandardCharsets.UTF_8)));
    }
}

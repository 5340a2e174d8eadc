package com.returnsgateway.adapter.seventeentrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.returnsgateway.adapter.seventeentrack.TrackedNumbers.State;
import com.returnsgateway.adapter.seventeentrack.TrackedNumbers.Tracked;
import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import com.returnsgateway.testsupport.MigratedDatabase;
import com.returnsgateway.testsupport.MutableClock;
import com.returnsgateway.testsupport.RemoteCallHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 17TRACK adapter against WireMock playing 17TRACK's v2.2 answers, through the gateway's real remote-call route
 * and a real PostgreSQL: batches of 40, partial success, already registered, quota used up, not registered, 429, a
 * refused key, and how gettrackinfo's latest_status becomes a status code.
 */
class SeventeenTrackClientTest {

    private static final WireMockServer REMOTE = new WireMockServer(options().dynamicPort());
    private static final String KEY = "test-17track-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RemoteCallHarness harness;

    private final JdbcClient jdbc = MigratedDatabase.jdbc();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private SeventeenTrack tracking;
    private SeventeenTrackSync sync;

    @BeforeAll
    static void start() {
        REMOTE.start();
        harness = new RemoteCallHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
        REMOTE.stop();
    }

    @BeforeEach
    void fresh() {
        REMOTE.resetAll();
        jdbc.sql("DELETE FROM tracked_number").update();
        SeventeenTrackSettings settings = new SeventeenTrackSettings(REMOTE.baseUrl() + "/track/v2.2", KEY,
                Duration.ofMinutes(10), Duration.ofSeconds(30), 50, Duration.ofHours(1), 25);
        tracking = new SeventeenTrack(true, settings, new TrackedNumbers(jdbc, clock), harness.calls(), JSON);
        sync = new SeventeenTrackSync(tracking, clock);
    }

    @Test
    void fortyFiveNumbersAreRegisteredInTwoCallsOfAtMostForty() {
        List<String> numbers = IntStream.rangeClosed(1, 45).mapToObj(i -> String.format("LM%05d", i)).toList();
        numbers.forEach(n -> tracking.follow(n, "usps"));
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register"))
                .willReturn(acceptAll()).atPriority(5));

        assertThat(sync.register()).isTrue();

        List<LoggedRequest> calls = REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/register")));
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.getHeader("17token")).isEqualTo(KEY));
        JsonNode first = JSON.readTree(calls.get(0).getBodyAsString());
        assertThat(first.size()).isEqualTo(40);
        assertThat(first.get(0).get("number").asString()).isEqualTo("LM00001");
        assertThat(first.get(0).get("carrier").asInt()).isEqualTo(21051);
        assertThat(JSON.readTree(calls.get(1).getBodyAsString()).size()).isEqualTo(5);
        assertThat(numbers).allSatisfy(n -> assertThat(state(n)).isEqualTo(State.REGISTERED));
    }

    @Test
    void partialSuccessRegistersSomeRefusesOthersAndTakesAlreadyRegisteredAsRegistered() {
        tracking.follow("OK-1", null);
        tracking.follow("DUP-1", "190012");
        tracking.follow("BAD-1", "no-such-carrier");
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register")).willReturn(envelope("""
                {"accepted": [{"origin": 1, "number": "OK-1", "carrier": 3011}],
                 "rejected": [{"number": "DUP-1", "error": {"code": -18019901, "message": "already registered"}},
                              {"number": "BAD-1", "error": {"code": -18019903, "message": "The carrier is invalid"}}]}""")));

        assertThat(sync.register()).isTrue();

        JsonNode sent = JSON.readTree(REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/register")))
                .get(0).getBodyAsString());
        assertThat(sent.get(0).has("carrier")).as("no carrier: 17TRACK detects it").isFalse();
        assertThat(sent.get(1).get("carrier").asInt()).isEqualTo(190012);
        assertThat(sent.get(2).has("carrier")).as("an unknown carrier name: detected").isFalse();
        assertThat(state("OK-1")).isEqualTo(State.REGISTERED);
        assertThat(state("DUP-1")).isEqualTo(State.REGISTERED);
        Tracked bad = tracked("BAD-1");
        assertThat(bad.state()).isEqualTo(State.REJECTED);
        assertThat(bad.error()).contains("-18019903", "The carrier is invalid");
    }

    @Test
    void aUsedUpQuotaLeavesTheNumbersWaitingWithTheReasonAndPausesRegistration() {
        tracking.follow("Q-1", null);
        tracking.follow("Q-2", null);
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register")).willReturn(envelope("""
                {"accepted": [],
                 "rejected": [{"number": "Q-1", "error": {"code": -18019908, "message": "quota exhausted"}},
                              {"number": "Q-2", "error": {"code": -18019908, "message": "quota exhausted"}}]}""")));

        assertThat(sync.register()).as("the tick goes on to refresh: that costs no quota").isTrue();

        assertThat(List.of(tracked("Q-1"), tracked("Q-2"))).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(State.QUOTA_EXHAUSTED);
            assertThat(t.error()).contains("quota", "-18019908", "tried again after");
        });
        sync.register();
        assertThat(REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/register"))))
                .as("paused: not asked again at the next tick").hasSize(1);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register")).willReturn(acceptAll()));
        sync.register();
        assertThat(state("Q-1")).isEqualTo(State.REGISTERED);
        assertThat(tracked("Q-1").error()).isNull();
    }

    @Test
    void aThrottledCallEndsTheTickAndTheNumbersWaitForTheNext() {
        tracking.follow("T-1", null);
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("{\"code\": 429}")));

        assertThat(sync.register()).isFalse();
        assertThat(state("T-1")).isEqualTo(State.PENDING);
    }

    @Test
    void aRefusedKeyEndsTheTickWithoutMarkingAnyNumber() {
        tracking.follow("K-1", null);
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code": -18010002, "data": {"errors": [{"code": -18010002, "message": "invalid key"}]}}""")));

        assertThat(sync.register()).isFalse();
        assertThat(sync.register()).isFalse();
        assertThat(tracked("K-1").state()).isEqualTo(State.PENDING);
        assertThat(tracked("K-1").error()).isNull();
    }

    @Test
    void gettrackinfoGivesTheSubStatusWhenItSaysMoreAndPutsUnregisteredNumbersBackToRegister() {
        for (String n : List.of("G-RET", "G-DEL", "G-TRANSIT", "G-NONE", "G-GONE")) {
            tracking.follow(n, null);
        }
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/register")).willReturn(acceptAll()));
        sync.register();
        sync.refresh();
        assertThat(REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/gettrackinfo"))))
                .as("just registered: not due yet").isEmpty();

        clock.advance(Duration.ofMinutes(11));
        REMOTE.stubFor(post(urlPathEqualTo("/track/v2.2/gettrackinfo")).willReturn(envelope("""
                {"accepted": [
                   {"number": "G-RET", "carrier": 100001, "track_info": {
                      "latest_status": {"status": "Exception", "sub_status": "Exception_Returning"},
                      "latest_event": {"time_utc": "2026-11-25T08:00:00Z", "description": "Returning to sender",
                                       "location": "Leipzig, DE"}}},
                   {"number": "G-DEL", "carrier": 100001, "track_info": {
                      "latest_status": {"status": "Delivered", "sub_status": "Delivered_Other"},
                      "latest_event": {"time_iso": "2026-11-25T09:30:00+01:00", "description": "Delivered"}}},
                   {"number": "G-TRANSIT", "carrier": 100001, "track_info": {
                      "latest_status": {"status": "InTransit", "sub_status": null}, "latest_event": null}},
                   {"number": "G-NONE", "carrier": 0, "track_info": null}],
                 "rejected": [{"number": "G-GONE", "error": {"code": -18019902, "message": "not registered"}}]}""")));

        sync.refresh();

        assertThat(tracking.latest("G-RET")).contains(new TrackingStatus("Exception_Returning",
                "Returning to sender, Leipzig, DE", Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(tracking.latest("G-DEL")).contains(new TrackingStatus("Delivered_Other", "Delivered",
                Instant.parse("2026-11-25T08:30:00Z")));
        assertThat(tracking.latest("G-TRANSIT").map(TrackingStatus::code)).contains("InTransit");
        assertThat(tracking.latest("G-NONE")).isEmpty();
        assertThat(state("G-GONE")).isEqualTo(State.PENDING);
        assertThat(tracked("G-GONE").error()).contains("-18019902");
        assertThat(JSON.readTree(REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/gettrackinfo")))
                .get(0).getBodyAsString()).size()).isEqualTo(5);

        sync.refresh();
        assertThat(REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/gettrackinfo"))))
                .as("refreshed: not asked again within the poll interval").hasSize(1);
        assertThat(REMOTE.findAll(postRequestedFor(urlPathEqualTo("/track/v2.2/gettrackinfo"))
                .withHeader("17token", equalTo(KEY)))).hasSize(1);
    }

    @Test
    void aNumberIsFollowedOnce() {
        tracking.follow("ONCE-1", "dhl");
        tracking.follow("ONCE-1", "ups");
        assertThat(tracked("ONCE-1").carrier()).isEqualTo("100001");
        assertThat(jdbc.sql("SELECT count(*) FROM tracked_number").query(Integer.class).single()).isEqualTo(1);
    }

    /** WireMock answers every number of the request as accepted. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder acceptAll() {
        return envelope(acceptedNumbers()).withTransformers("response-template");
    }

    private static String acceptedNumbers() {
        return "{\"accepted\": [{{#each (jsonPath request.body '$') as |n|}}"
                + "{\"origin\": 1, \"number\": \"{{n.number}}\"}{{#unless @last}},{{/unless}}{{/each}}], "
                + "\"rejected\": []}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder envelope(String data) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 0, \"data\": " + data + "}");
    }

    private State state(String number) {
        return tracked(number).state();
    }

    private Tracked tracked(String number) {
        return tracking.numbers().find(number).orElseThrow();
    }
}

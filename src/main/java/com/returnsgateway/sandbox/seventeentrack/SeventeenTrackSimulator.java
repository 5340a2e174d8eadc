package com.returnsgateway.sandbox.seventeentrack;

import com.returnsgateway.sandbox.SandboxEnabled;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 17TRACK v2.2 as the sandbox plays it: the account's key, numbers registered against a quota, each number's status
 * (settable), at most 40 numbers a call and 3 calls a second. Answers in 17TRACK's envelope
 * {@code {"code":0,"data":{"accepted":[...],"rejected":[{number,error:{code,message}}]}}}. Thread-safe.
 */
@Component
@SandboxEnabled
public class SeventeenTrackSimulator {

    public static final int ALREADY_REGISTERED = -18019901;
    public static final int NOT_REGISTERED = -18019902;
    public static final int QUOTA_EXHAUSTED = -18019908;
    public static final int INVALID_KEY = -18010002;
    /** Too many numbers in one call: the real code is not published (unconfirmed); this one is made up. */
    public static final int TOO_MANY_NUMBERS = -18010013;
    public static final int MAX_NUMBERS = 40;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A number as 17TRACK knows it. */
    public record Tracked(String number, Integer carrier, boolean registered, String status, String subStatus,
                          Instant updatedAt) {
    }

    /** An answer: HTTP status and body. */
    public record Answer(int status, ObjectNode body) {
    }

    private final String apiKey;
    private final int quota;
    private final int requestsPerSecond;
    private final Clock clock;
    private final Map<String, Tracked> numbers = new LinkedHashMap<>();
    private final Deque<Instant> recentCalls = new ArrayDeque<>();
    private int used;
    private Answer nextError;
    private Consumer<Tracked> updates = tracked -> { };

    @Autowired
    public SeventeenTrackSimulator(@Value("${sandbox.seventeentrack.api-key:sandbox-17track-key-0000}") String apiKey,
                                   @Value("${sandbox.seventeentrack.quota:1000}") int quota,
                                   @Value("${sandbox.seventeentrack.requests-per-second:3}") int requestsPerSecond) {
        this(apiKey, quota, requestsPerSecond, Clock.systemUTC());
    }

    SeventeenTrackSimulator(String apiKey, int quota, int requestsPerSecond, Clock clock) {
        this.apiKey = apiKey;
        this.quota = quota;
        this.requestsPerSecond = requestsPerSecond;
        this.clock = clock;
    }

    public String apiKey() {
        return apiKey;
    }

    /** Called with a registered number whenever its status is set (the webhook pusher). */
    void onUpdate(Consumer<Tracked> listener) {
        this.updates = listener;
    }

    /**
     * The API: {@code operation} is register, gettrackinfo, stoptrack or getquota. A number registered with a status
     * known already (seeded, or set before) is pushed at once, as 17TRACK pushes once it has fetched the tracking.
     */
    public Answer call(String operation, String token, JsonNode body) {
        List<Tracked> toPush = new ArrayList<>();
        Answer answer;
        synchronized (this) {
            answer = answer(operation, token, body, toPush);
        }
        toPush.forEach(updates);
        return answer;
    }

    private Answer answer(String operation, String token, JsonNode body, List<Tracked> toPush) {
        Instant now = clock.instant();
        while (!recentCalls.isEmpty() && !recentCalls.peekFirst().isAfter(now.minusSeconds(1))) {
            recentCalls.removeFirst();
        }
        if (recentCalls.size() >= requestsPerSecond) {
            return error(429, 429, "Too many requests: at most " + requestsPerSecond + " a second");
        }
        recentCalls.addLast(now);
        if (nextError != null) {
            Answer once = nextError;
            nextError = null;
            return once;
        }
        if (token == null || !apiKey.equals(token.strip())) {
            return error(200, INVALID_KEY, "The security key is invalid");
        }
        if ("getquota".equals(operation)) {
            ObjectNode answer = envelope();
            ObjectNode data = answer.putObject("data");
            data.put("quota_total", quota);
            data.put("quota_used", used);
            data.put("quota_remain", Math.max(0, quota - used));
            return new Answer(200, answer);
        }
        if (body == null || !body.isArray()) {
            return error(200, -18010001, "The body must be a JSON array of {number, carrier?}");
        }
        if (body.size() > MAX_NUMBERS) {
            return error(200, TOO_MANY_NUMBERS, "At most " + MAX_NUMBERS + " numbers a call, not " + body.size());
        }
        ObjectNode answer = envelope();
        ObjectNode data = answer.putObject("data");
        ArrayNode accepted = data.putArray("accepted");
        ArrayNode rejected = data.putArray("rejected");
        for (JsonNode entry : body) {
            String number = entry.path("number").asString("").strip();
            Integer carrier = entry.path("carrier").isNumber() ? entry.path("carrier").asInt() : null;
            if (number.isEmpty()) {
                reject(rejected, number, -18019909, "The number is empty");
                continue;
            }
            Tracked tracked = numbers.get(number);
            switch (operation) {
                case "register" -> {
                    if (tracked != null && tracked.registered()) {
                        reject(rejected, number, ALREADY_REGISTERED, "The number is already registered");
                    } else if (used >= quota) {
                        reject(rejected, number, QUOTA_EXHAUSTED, "The quota is exhausted");
                    } else {
                        used++;
                        Tracked registered = tracked == null
                                ? new Tracked(number, carrier, true, "NotFound", "NotFound_Other", now)
                                : new Tracked(number, carrier != null ? carrier : tracked.carrier(), true,
                                tracked.status(), tracked.subStatus(), tracked.updatedAt());
                        numbers.put(number, registered);
                        if (tracked != null) {
                            toPush.add(registered);
                        }
                        ObjectNode ok = accepted.addObject();
                        ok.put("origin", 1);
                        ok.put("number", number);
                        putCarrier(ok, registered.carrier());
                    }
                }
                case "gettrackinfo" -> {
                    if (tracked == null || !tracked.registered()) {
                        reject(rejected, number, NOT_REGISTERED, "The number is not registered");
                    } else {
                        ObjectNode ok = accepted.addObject();
                        ok.put("number", number);
                        putCarrier(ok, tracked.carrier());
                        ok.putNull("tag");
                        ok.set("track_info", trackInfo(tracked));
                    }
                }
                case "stoptrack" -> {
                    if (tracked == null || !tracked.registered()) {
                        reject(rejected, number, NOT_REGISTERED, "The number is not registered");
                    } else {
                        numbers.put(number, new Tracked(number, tracked.carrier(), false, tracked.status(),
                                tracked.subStatus(), tracked.updatedAt()));
                        accepted.addObject().put("number", number);
                    }
                }
                default -> {
                    return error(404, -18010404, "No such operation: " + operation);
                }
            }
        }
        return new Answer(200, answer);
    }

    /** Control: sets a number's status (known or not); a registered number's update is pushed. */
    public Tracked setStatus(String number, String status, String subStatus) {
        Tracked tracked;
        synchronized (this) {
            Tracked before = numbers.get(number);
            tracked = new Tracked(number, before == null ? null : before.carrier(), before != null && before.registered(),
                    status, subStatus, clock.instant());
            numbers.put(number, tracked);
        }
        if (tracked.registered()) {
            updates.accept(tracked);
        }
        return tracked;
    }

    /** Seeds a number's status without registering it (the seed file's {@code tracking} list). */
    public synchronized void seed(String number, Integer carrier, String status, String subStatus) {
        numbers.put(number, new Tracked(number, carrier, false, status, subStatus, clock.instant()));
    }

    /** Control: the next API call answers this, once. */
    public synchronized void failNext(int httpStatus, int code, String message) {
        nextError = error(httpStatus, code, message);
    }

    public synchronized Optional<Tracked> number(String number) {
        return Optional.ofNullable(numbers.get(number));
    }

    /** Every number the simulator knows, as it stands now. */
    public synchronized List<Tracked> numbers() {
        return List.copyOf(numbers.values());
    }

    public synchronized int used() {
        return used;
    }

    /** A number's track_info as gettrackinfo and the webhook give it. */
    static ObjectNode trackInfo(Tracked tracked) {
        ObjectNode info = NODES.objectNode();
        ObjectNode latest = info.putObject("latest_status");
        latest.put("status", tracked.status());
        latest.put("sub_status", tracked.subStatus());
        ObjectNode event = info.putObject("latest_event");
        event.put("time_iso", tracked.updatedAt().toString());
        event.put("time_utc", tracked.updatedAt().toString());
        event.put("description", tracked.subStatus() == null ? tracked.status() : tracked.subStatus());
        event.put("location", "");
        return info;
    }

    static void putCarrier(ObjectNode node, Integer carrier) {
        if (carrier == null) {
            node.put("carrier", 0);
        } else {
            node.put("carrier", carrier);
        }
    }

    private static ObjectNode envelope() {
        ObjectNode answer = NODES.objectNode();
        answer.put("code", 0);
        return answer;
    }

    private static void reject(ArrayNode rejected, String number, int code, String message) {
        ObjectNode entry = rejected.addObject();
        entry.put("number", number);
        ObjectNode error = entry.putObject("error");
        error.put("code", code);
        error.put("message", message);
    }

    /** A whole-call error: its code at the top and in {@code data.errors} (17TRACK's exact shape is unconfirmed). */
    private static Answer error(int httpStatus, int code, String message) {
        ObjectNode answer = NODES.objectNode();
        answer.put("code", code);
        ObjectNode error = answer.putObject("data").putArray("errors").addObject();
        error.put("code", code);
        error.put("message", message);
        return new Answer(httpStatus, answer);
    }
}

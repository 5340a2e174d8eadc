package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls to 17TRACK v2.2: {@code POST {base}/{operation}} with header {@code 17token} and a JSON array of at most
 * 40 numbers; the answer {@code {"code":0,"data":{"accepted":[...],"rejected":[{number,error:{code,message}}]}}} may
 * accept some numbers and reject others. Calls are paced to the account's rate (3 a second).
 */
class SeventeenTrackClient {

    static final RemoteSystem SYSTEM = RemoteSystem.tracking(SeventeenTrackSettings.TYPE);

    static final int ALREADY_REGISTERED = -18019901;
    static final int NOT_REGISTERED = -18019902;
    static final int DAILY_LIMIT = -18019907;
    static final int QUOTA_EXHAUSTED = -18019908;
    static final int INVALID_KEY = -18010002;

    /** A number to send, with 17TRACK's carrier key or null. */
    record Number(String number, String carrier) {
    }

    record Rejection(String number, int code, String message) {

        boolean quota() {
            return code == DAILY_LIMIT || code == QUOTA_EXHAUSTED;
        }
    }

    /** What 17TRACK did with a batch: the accepted entries (as it answered them) and the rejected numbers. */
    record Outcome(List<JsonNode> accepted, List<Rejection> rejected) {
    }

    /** 17TRACK answered 429: this tick is over, the next one goes on. */
    static final class Throttled extends RuntimeException {
        Throttled(String message) {
            super(message);
        }
    }

    private final SeventeenTrackSettings settings;
    private final RemoteCalls calls;
    private final JsonMapper json;
    private final RequestPace pace;

    SeventeenTrackClient(SeventeenTrackSettings settings, RemoteCalls calls, JsonMapper json, RequestPace pace) {
        this.settings = settings;
        this.calls = calls;
        this.json = json;
        this.pace = pace;
    }

    Outcome register(List<Number> numbers) {
        return call("register", numbers);
    }

    Outcome trackInfo(List<Number> numbers) {
        return call("gettrackinfo", numbers);
    }

    private Outcome call(String operation, List<Number> numbers) {
        if (numbers.isEmpty() || numbers.size() > SeventeenTrackSettings.MAX_BATCH) {
            throw new IllegalArgumentException("17TRACK takes 1 to " + SeventeenTrackSettings.MAX_BATCH
                    + " numbers a call, not " + numbers.size());
        }
        ArrayNode body = json.createArrayNode();
        for (Number number : numbers) {
            ObjectNode entry = body.addObject();
            entry.put("number", number.number());
            if (number.carrier() != null) {
                entry.put("carrier", Integer.parseInt(number.carrier()));
            }
        }
        String what = "tracking service 17track (" + operation + " of " + numbers.size() + " numbers)";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("17token", settings.apiKey().strip());
        pace.await();
        RemoteAnswer answer = calls.call(new RemoteCall(SYSTEM, "POST", settings.url(operation), "application/json",
                json.writeValueAsString(body), headers, what));
        if (answer.status() == 401 || answer.status() == 403) {
            throw keyRefused(what + " refused the API key (HTTP " + answer.status() + ")");
        }
        if (answer.status() == 429) {
            pace.slowDown();
            throw new Throttled(what + " answered 429: too many requests");
        }
        return outcome(answer.requireSuccess(), what);
    }

    /** No call can succeed until the key is fixed: as the core names refused credentials. */
    static RemoteCallException keyRefused(String message) {
        return RemoteCallException.credentialsRefused(SYSTEM.toString(), message
                + ": check gateway.tracking.17track.api-key");
    }

    private Outcome outcome(String body, String what) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw RemoteCallException.permanent(what + " answered no JSON object: " + HttpResponses.oneLine(body));
        }
        int code = root.path("code").asInt(Integer.MIN_VALUE);
        JsonNode data = root.path("data");
        if (code != 0) {
            // a whole-call error: its code at the top, or (unconfirmed) in data.errors[]
            int detailCode = data.path("errors").path(0).path("code").asInt(code);
            String message = data.path("errors").path(0).path("message").asString(root.path("message").asString(""));
            if (code == INVALID_KEY || detailCode == INVALID_KEY) {
                throw keyRefused(what + " refused the API key (" + INVALID_KEY + " " + message + ")");
            }
            throw RemoteCallException.permanent(what + " answered code " + code + ": " + HttpResponses.oneLine(body));
        }
        List<JsonNode> accepted = new ArrayList<>();
        data.path("accepted").forEach(accepted::add);
        List<Rejection> rejected = new ArrayList<>();
        for (JsonNode rejection : data.path("rejected")) {
            JsonNode error = rejection.path("error");
            rejected.add(new Rejection(rejection.path("number").asString(""), error.path("code").asInt(0),
                    error.path("message").asString("")));
        }
        return new Outcome(accepted, rejected);
    }
}

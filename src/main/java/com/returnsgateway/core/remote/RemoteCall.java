package com.returnsgateway.core.remote;

import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request an adapter wants made to a remote system, sent by the {@code remote-call} route
 * (routes/remote-call.camel.yaml) under that system's circuit breaker and rate limit.
 *
 * @param what           the call as a person reads it in an error ("forwarder 4px (status of 4PX1CN)")
 * @param headers        request headers besides Content-Type and Accept (an Idempotency-Key, credentials); their
 *                       values never show in {@link #toString()}, so a logged call shows no secret
 * @param maxAnswerBytes the answer's body is read up to this many bytes and no further: a longer one fails the call
 *                       as {@link AnswerTooLargeException} without being held in memory
 */
public record RemoteCall(RemoteSystem system, String method, String url, String contentType, String body,
                         Map<String, String> headers, String what, long maxAnswerBytes) {

    /** What an answer may weigh unless the adapter says otherwise: far above any answer of the HTTP contract. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 4L * 1024 * 1024;

    public RemoteCall {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        maxAnswerBytes = maxAnswerBytes > 0 ? maxAnswerBytes : DEFAULT_MAX_ANSWER_BYTES;
    }

    public RemoteCall(RemoteSystem system, String method, String url, String contentType, String body,
                      Map<String, String> headers, String what) {
        this(system, method, url, contentType, body, headers, what, DEFAULT_MAX_ANSWER_BYTES);
    }

    public static RemoteCall get(RemoteSystem system, String url, String what) {
        return new RemoteCall(system, "GET", url, null, null, Map.of(), what);
    }

    /** A POST of a JSON body that carries its stored idempotency key, so a re-send is recognised as the same. */
    public static RemoteCall postJson(RemoteSystem system, String url, String json, String idempotencyKey,
                                      String what) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return new RemoteCall(system, "POST", url, "application/json", json, headers, what);
    }

    /** This call with more request headers (credentials); a header it has already is kept as it is. */
    public RemoteCall withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(more);
        all.putAll(headers);
        return new RemoteCall(system, method, url, contentType, body, all, what, maxAnswerBytes);
    }

    /** This call, reading at most {@code bytes} of the answer. */
    public RemoteCall withMaxAnswerBytes(long bytes) {
        return new RemoteCall(system, method, url, contentType, body, headers, what, bytes);
    }

    @Override
    public String toString() {
        // query values can be credentials (4PX's access_token, a signature): only their names are shown
        int query = url.indexOf('?');
        String shown = query < 0 ? url : url.substring(0, query) + "?"
                + url.substring(query + 1).replaceAll("=[^&]*", "=…");
        return "RemoteCall[" + method + " " + shown + " to " + system + ", headers " + headers.keySet()
                + ", answer at most " + maxAnswerBytes + " bytes]";
    }
}

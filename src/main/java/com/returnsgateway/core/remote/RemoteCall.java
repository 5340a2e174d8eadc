package com.returnsgateway.core.remote;

import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request an adapter wants made to a remote system, sent by the {@code remote-call} route
 * (routes/remote-call.camel.yaml) under that system's circuit breaker and rate limit.
 *
 * @param what    the call as a person reads it in an error ("forwarder 4px (status of 4PX1CN)")
 * @param headers request headers besides Content-Type and Accept (an Idempotency-Key, credentials)
 */
public record RemoteCall(RemoteSystem system, String method, String url, String contentType, String body,
                         Map<String, String> headers, String what) {

    public RemoteCall {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
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
}

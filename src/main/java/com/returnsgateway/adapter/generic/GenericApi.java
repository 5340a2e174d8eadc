package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.AnswerTooLargeException;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the adapters of the gateway's HTTP contract share: the configured base URLs and guarded JSON calls. */
@Component
class GenericApi {

    private final GatewayProperties properties;
    private final RemoteCalls calls;
    private final JsonMapper json;
    private final RemoteCredentials credentials;

    GenericApi(GatewayProperties properties, RemoteCalls calls, JsonMapper json, RemoteCredentials credentials) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
        this.credentials = credentials;
    }

    /** A marketplace's {@code base-url} joined with a path that starts with a slash (or is empty). */
    String marketplaceUrl(String marketplace, String path) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        if (config == null || config.baseUrl() == null || config.baseUrl().isBlank()) {
            throw new IllegalStateException("marketplace " + marketplace + " has no gateway.marketplaces."
                    + marketplace + ".base-url");
        }
        return config.url(path);
    }

    String forwarderUrl(String forwarder, String path) {
        return properties.forwarders().get(forwarder).url(path);
    }

    String backOfficeUrl(String path) {
        String base = properties.backOffice().baseUrl();
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("a replacement needs gateway.back-office.base-url, which is not set");
        }
        return properties.backOffice().url(path);
    }

    RemoteAnswer get(RemoteSystem system, String url, String what) {
        return call(RemoteCall.get(system, url, what));
    }

    /** A GET whose answer is read up to {@code maxAnswerBytes} ({@link AnswerTooLargeException} past it). */
    RemoteAnswer get(RemoteSystem system, String url, String what, long maxAnswerBytes) {
        return call(RemoteCall.get(system, url, what).withMaxAnswerBytes(maxAnswerBytes));
    }

    /** POSTs {@code body} as JSON with the idempotency key; the body of the 2xx answer, else the failure thrown. */
    String postJson(RemoteSystem system, String url, Object body, String idempotencyKey, String what) {
        return call(RemoteCall.postJson(system, url, json.writeValueAsString(body), idempotencyKey, what))
                .requireSuccess();
    }

    /**
     * Every call of the HTTP contract goes out with its system's credentials. A 401 or 403 means they were refused:
     * every case needing that system would fail alike, so it is a failure of its own (one alert, cases wait).
     */
    private RemoteAnswer call(RemoteCall call) {
        RemoteAnswer answer = calls.call(credentials.signed(call));
        if (answer.status() == 401 || answer.status() == 403) {
            throw RemoteCallException.credentialsRefused(call.system().toString(), call.what() + " was refused ("
                    + answer.status() + "): check the credentials configured for " + call.system() + " ("
                    + credentials.settingFor(call.system()) + "): " + HttpResponses.oneLine(answer.body()));
        }
        return answer;
    }

    /** The answer as a JSON object; empty or invalid JSON is refused, naming {@code who} and {@code what}. */
    JsonNode object(String body, String who, String what) {
        return JsonAnswers.object(json, body, who, what);
    }

    /** A text field of a successful answer; null when absent or unreadable (that does not undo the call). */
    String reference(String body, String field) {
        return body == null || body.isBlank() ? null : JsonAnswers.text(JsonAnswers.lenient(json, body), field);
    }
}

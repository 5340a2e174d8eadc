package com.returnsgateway.core.webhooks;

import com.returnsgateway.core.remote.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts one delivery, signed for this attempt. The JDK HttpClient, not the guarded {@code remote-call} route: a
 * webhook needs its exact stored bytes signed per attempt, its own timeouts, and no redirect followed (Standard
 * Webhooks counts a 3xx as a failure), and the outbox paces its retries itself, per delivery and per endpoint.
 */
public class WebhookSender {

    /** How much of an error answer is kept as the delivery's last error. */
    private static final int ERROR_EXCERPT_BYTES = 300;

    /**
     * How an attempt went: the HTTP status, or null when none came (refused, reset, timed out) with the error.
     *
     * @param retryAfter the endpoint's Retry-After on a 429 or 503, else null
     */
    public record Attempt(Integer status, String error, Duration retryAfter) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** The endpoint itself is in trouble (no answer, 5xx, 429): its other deliveries wait for the next sweep. */
        public boolean endpointInTrouble() {
            return status == null || status >= 500 || status == 429;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Attempt send(String name, WebhookSettings.Endpoint endpoint, UUID eventId, String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        byte[] key = keys.computeIfAbsent(name, n -> WebhookSignature.key(endpoint.secret()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url().strip()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "returns-gateway")
                .header("webhook-id", eventId.toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(key, eventId.toString(), timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String excerpt;
            try (InputStream answer = response.body()) {
                excerpt = status >= 200 && status < 300 ? null
                        : HttpResponses.oneLine(new String(answer.readNBytes(ERROR_EXCERPT_BYTES), StandardCharsets.UTF_8));
            }
            Duration retryAfter = status == 429 || status == 503
                    ? HttpResponses.retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
            String error = excerpt == null ? null : "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt)
                    + (status >= 300 && status < 400 ? " (redirects are not followed: configure the endpoint's url as"
                    + " the back office's final address)" : "");
            return new Attempt(status, error, retryAfter);
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "no answer within " + timeout.toSeconds() + " s", null);
        } catch (IOException e) {
            return new Attempt(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted while posting (the gateway is stopping)", null);
        }
    }
}

package com.returnsgateway.adapter.amazon.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Selling Partner API for one seller account: a Login with Amazon access token in
 * {@code x-amz-access-token}, and a token bucket per operation at Amazon's documented rate so the gateway does not
 * outrun Amazon. No thread sleeps for Amazon: a 429 holds the bucket and ends the call as a transient
 * {@link SpApiException} carrying the wait (Amazon's Retry-After, capped, or the time the bucket needs), and so does a
 * call whose bucket would make it wait longer than {@code maxRateWait} (well under a second); the caller's cycle rests
 * that long. Other failures are thrown as {@link SpApiException} too: transient (I/O, 5xx) or permanent (4xx), with
 * Amazon's error message. Pre-signed document URLs are followed only to {@link DocumentHosts}, and documents are read
 * within {@link DocumentLimits}.
 */
public class SpApiClient {

    private static final Logger log = LoggerFactory.getLogger(SpApiClient.class);

    private final AmazonAccounts accounts;
    private final LwaTokens lwa;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final Settings settings;
    private final Sleeper sleeper;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param maxRateWait      the longest a call waits in place for its bucket to refill (under a second), else it
     *                         ends as a transient failure carrying the wait
     * @param throttledBackoff the least wait after a 429 that names no Retry-After
     * @param maxRetryAfter    Amazon's Retry-After is believed up to this
     * @param rates            operation name to rate-per-second overrides (for a sandbox or a changed usage plan)
     */
    public record Settings(Duration timeout, Duration maxRateWait, Duration throttledBackoff, Duration maxRetryAfter,
                           Map<String, Double> rates, DocumentHosts documentHosts, DocumentLimits documentLimits) {

        public Settings {
            rates = rates == null ? Map.of() : Map.copyOf(rates);
            if (maxRateWait.compareTo(MAX_IN_PLACE_WAIT) >= 0) {
                throw new IllegalArgumentException("gateway.amazon-api.max-rate-wait is " + maxRateWait + ": a worker"
                        + " waits in place for a rate limit only briefly; set it below " + MAX_IN_PLACE_WAIT);
            }
        }
    }

    /** A rate-limit wait this long or longer is never slept out in place; the cycle rests instead. */
    static final Duration MAX_IN_PLACE_WAIT = Duration.ofSeconds(1);

    /** Waits briefly (a rate-limit wait under {@code maxRateWait}); a seam so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** An answer from Amazon: status, body, and the body parsed as JSON when it is JSON. */
    public record Response(int status, String body, JsonNode json) {

        public String text(String field) {
            JsonNode value = json == null ? null : json.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    public SpApiClient(AmazonAccounts accounts, LwaTokens lwa, HttpClient http, JsonMapper json, Clock clock,
                       Settings settings, Sleeper sleeper) {
        this.accounts = accounts;
        this.lwa = lwa;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** A value for a path segment or query parameter of an SP-API call (order ids, document ids, dates). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Response get(String account, SpApiOperation operation, String path) {
        return call(account, operation, "GET", path, null, null);
    }

    public Response post(String account, SpApiOperation operation, String path, Object body) {
        return call(account, operation, "POST", path, json.writeValueAsString(body), null);
    }

    /** A GET with a restricted data token in place of the access token (for buyer PII). */
    public Response getRestricted(String account, SpApiOperation operation, String path, String restrictedDataToken) {
        return call(account, operation, "GET", path, null, restrictedDataToken);
    }

    /**
     * One page of what Amazon booked on an order (Finances API v0 listFinancialEventsByOrderId), refunds among it; the
     * first page without {@code nextToken}. Not buyer data, so a plain access token, no restricted data token.
     */
    public Response financialEventsByOrderId(String account, String orderId, String nextToken) {
        String path = "/finances/v0/orders/" + encode(orderId) + "/financialEvents"
                + (nextToken == null ? "" : "?NextToken=" + encode(nextToken));
        return get(account, SpApiOperation.LIST_FINANCIAL_EVENTS_BY_ORDER_ID, path);
    }

    /** True when the operation's bucket has a token now, so work that must make the call can start. */
    public boolean canCallNow(String account, SpApiOperation operation) {
        return bucket(account, operation).hasToken();
    }

    /**
     * A report or feed result document: asks for it ({@code operation} on {@code path} answers its pre-signed URL and
     * compression), downloads it at once, before the URL expires, and unpacks it when it is GZIP, within the limits.
     */
    public byte[] document(String account, SpApiOperation operation, String path, String what) {
        Response document = get(account, operation, path);
        String url = document.text("url");
        if (url == null) {
            throw new SpApiException("Amazon " + account + ": the " + what + " has no url", true, null,
                    document.status(), null);
        }
        URI checked = settings.documentHosts().check(account, url, what);
        HttpRequest request = HttpRequest.newBuilder(checked).timeout(settings.timeout()).GET().build();
        HttpResponse<InputStream> response = send(account, request, HttpResponse.BodyHandlers.ofInputStream(), what);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                boolean expired = response.statusCode() == 403;
                throw new SpApiException("Amazon " + account + ": downloading the " + what + " failed with HTTP "
                        + response.statusCode() + (expired ? " (the pre-signed URL expired or was refused; a new one"
                        + " is asked for next time)" : ""), true, null, response.statusCode(), null);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.documentLimits().maxBytes()) {
                throw tooLarge(account, what, "it is " + declared + " bytes, more than "
                        + settings.documentLimits().maxBytes() + " (gateway.amazon-api.max-document-size)");
            }
            return settings.documentLimits().read(body,
                    "GZIP".equalsIgnoreCase(document.text("compressionAlgorithm")));
        } catch (DocumentLimits.TooLargeException e) {
            throw tooLarge(account, what, e.getMessage());
        } catch (IOException e) {
            throw new SpApiException("Amazon " + account + ": the " + what + " could not be read: " + e.getMessage(),
                    true, null, 200, null);
        }
    }

    private static SpApiException tooLarge(String account, String what, String why) {
        // the same document is as large next time: permanent, and the read stopped at the limit
        return new SpApiException("Amazon " + account + ": the " + what + " was not read: " + why, false, null, 200,
                "DocumentTooLarge");
    }

    /** Uploads a document to a pre-signed URL with PUT. */
    public void upload(String account, String url, String contentType, byte[] body, String what) {
        URI checked = settings.documentHosts().check(account, url, what);
        HttpRequest request = HttpRequest.newBuilder(checked).timeout(settings.timeout())
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = send(account, request, HttpResponse.BodyHandlers.ofString(), what);
        if (response.statusCode() / 100 != 2) {
            throw new SpApiException("Amazon " + account + ": uploading the " + what + " failed with HTTP "
                    + response.statusCode(), true, null, response.statusCode(), null);
        }
    }

    private Response call(String account, SpApiOperation operation, String method, String path, String body,
                          String restrictedDataToken) {
        AmazonAccount amazon = accounts.get(account);
        boolean tokenRenewed = false;
        while (true) {
            takeToken(account, operation);
            String token = restrictedDataToken != null ? restrictedDataToken : lwa.accessToken(account, amazon);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(amazon.apiUrl(path)))
                    .timeout(settings.timeout())
                    .header("x-amz-access-token", token)
                    .header("Accept", "application/json")
                    .header("User-Agent", "returns-gateway/1.0 (Language=Java)");
            if (body != null) {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = send(account, request.build(), HttpResponse.BodyHandlers.ofString(),
                    operation.operationName());
            int status = response.statusCode();
            JsonNode parsed = parse(response.body());
            if (status / 100 == 2) {
                return new Response(status, response.body(), parsed);
            }
            String code = errorCode(parsed);
            String message = "Amazon " + account + " " + operation.operationName() + " answered HTTP " + status
                    + errorText(parsed);
            if (status == 429) {
                // Amazon's bucket is empty: ours is held too, and the caller rests instead of a thread sleeping here
                Duration wait = throttledWait(response, bucket(account, operation));
                throw new SpApiException(message + "; throttled, tried again in " + Math.max(1, wait.toSeconds())
                        + " s", true, wait, status, code);
            }
            if (status == 403 && restrictedDataToken == null && !tokenRenewed && mentionsExpiredToken(parsed)) {
                lwa.forget(account);
                tokenRenewed = true;
                continue;
            }
            boolean transientFailure = status >= 500;
            throw new SpApiException(message, transientFailure, null, status, code, errorMessage(parsed));
        }
    }

    private void takeToken(String account, SpApiOperation operation) {
        TokenBucket bucket = bucket(account, operation);
        Duration wait = bucket.tryTake();
        if (wait.isZero()) {
            return;
        }
        if (wait.compareTo(settings.maxRateWait()) > 0) {
            throw new SpApiException("Amazon " + account + " " + operation.operationName() + ": the rate limit ("
                    + rate(operation) + " requests/s) allows the next call in " + wait.toSeconds() + " s; tried again"
                    + " later", true, wait, 429, "QuotaExceeded");
        }
        pause(wait);
        Duration again = bucket.tryTake();
        if (!again.isZero()) {
            throw new SpApiException("Amazon " + account + " " + operation.operationName()
                    + ": rate limit still spent; tried again later", true, again, 429, "QuotaExceeded");
        }
    }

    private TokenBucket bucket(String account, SpApiOperation operation) {
        return buckets.computeIfAbsent(account + "/" + operation.name(),
                key -> new TokenBucket(rate(operation), operation.burst(), clock));
    }

    private double rate(SpApiOperation operation) {
        return settings.rates().getOrDefault(operation.operationName(), operation.rate());
    }

    private <T> HttpResponse<T> send(String account, HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                     String what) {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new SpApiException("Amazon " + account + " " + what + ": no answer within "
                    + settings.timeout().toSeconds() + " s", true, null, 0, null);
        } catch (IOException e) {
            throw new SpApiException("Amazon " + account + " " + what + " could not be reached: " + e, true, null,
                    0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException("interrupted while calling Amazon " + account + " " + what, true, null, 0, null);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException("interrupted while waiting for Amazon's rate limit", true, wait, 429, null);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * How long after a 429 the operation is not called again, and its bucket held that long: Amazon's Retry-After
     * capped at {@code maxRetryAfter}, else the time the emptied bucket needs for a token, at least the backoff.
     */
    private Duration throttledWait(HttpResponse<?> response, TokenBucket bucket) {
        Duration wait = retryAfter(response).map(after -> after.compareTo(settings.maxRetryAfter()) > 0
                ? settings.maxRetryAfter() : after).orElse(settings.throttledBackoff());
        return bucket.holdFor(wait);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String errorCode(JsonNode body) {
        JsonNode first = firstError(body);
        return first == null || !first.hasNonNull("code") ? null : first.get("code").asString();
    }

    private static String errorMessage(JsonNode body) {
        JsonNode first = firstError(body);
        return first == null || !first.hasNonNull("message") ? null : first.get("message").asString();
    }

    /** ": Unauthorized: Access to requested resource is denied. (The access token ...)" from Amazon's errors list. */
    private static String errorText(JsonNode body) {
        JsonNode first = firstError(body);
        if (first == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {"code", "message", "details"}) {
            if (first.hasNonNull(field) && !first.get(field).asString().isBlank()) {
                text.append(text.isEmpty() ? ": " : field.equals("details") ? " (" : ": ")
                        .append(first.get(field).asString());
                if (field.equals("details")) {
                    text.append(')');
                }
            }
        }
        return text.toString();
    }

    private static JsonNode firstError(JsonNode body) {
        JsonNode errors = body == null ? null : body.get("errors");
        return errors == null || !errors.isArray() || errors.isEmpty() ? null : errors.get(0);
    }

    private static boolean mentionsExpiredToken(JsonNode body) {
        JsonNode first = firstError(body);
        return first != null && first.toString().toLowerCase(java.util.Locale.ROOT).contains("expired");
    }
}

package com.returnsgateway.adapter.amazon.api;

import java.io.ByteArrayInputStream;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Selling Partner API for one seller account: a Login with Amazon access token in
 * {@code x-amz-access-token}, a token bucket per operation at Amazon's documented rate so the gateway does not outrun
 * Amazon, and a few backed-off retries when Amazon answers 429 anyway. Other failures are thrown as
 * {@link SpApiException}: transient (I/O, 5xx, throttled) or permanent (4xx), with Amazon's error message.
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
     * @param maxRateWait   the longest a call waits for its bucket to refill before giving up for now (transient)
     * @param throttledRetries how often a 429 is retried in place, after {@code throttledBackoff} growing x2
     * @param rates         operation name to rate-per-second overrides (for a sandbox or a changed usage plan)
     */
    public record Settings(Duration timeout, Duration maxRateWait, int throttledRetries, Duration throttledBackoff,
                           Map<String, Double> rates) {

        public Settings {
            rates = rates == null ? Map.of() : Map.copyOf(rates);
        }
    }

    /** Waits; a seam so tests of the backoff need not wait. */
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

    /** True when the operation's bucket has a token now, so work that must make the call can start. */
    public boolean canCallNow(String account, SpApiOperation operation) {
        return bucket(account, operation).hasToken();
    }

    /**
     * A report or feed result document: asks for it ({@code operation} on {@code path} answers its pre-signed URL and
     * compression), downloads it at once, before the URL expires, and unpacks it when it is GZIP.
     */
    public byte[] document(String account, SpApiOperation operation, String path, String what) {
        Response document = get(account, operation, path);
        String url = document.text("url");
        if (url == null) {
            throw new SpApiException("Amazon " + account + ": the " + what + " has no url", true, null,
                    document.status(), null);
        }
        byte[] bytes = download(account, url, what);
        boolean gzip = "GZIP".equalsIgnoreCase(document.text("compressionAlgorithm"))
                || bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzip) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SpApiException("Amazon " + account + ": the " + what + " could not be unpacked: "
                    + e.getMessage(), true, null, 200, null);
        }
    }

    /** Downloads a pre-signed document URL (no SP-API credentials: the URL carries its own signature). */
    private byte[] download(String account, String url, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout()).GET().build();
        HttpResponse<byte[]> response = send(account, request, HttpResponse.BodyHandlers.ofByteArray(), what);
        if (response.statusCode() != 200) {
            boolean expired = response.statusCode() == 403;
            throw new SpApiException("Amazon " + account + ": downloading the " + what + " failed with HTTP "
                    + response.statusCode() + (expired ? " (the pre-signed URL expired or was refused; a new one is"
                    + " asked for next time)" : ""), true, null, response.statusCode(), null);
        }
        return response.body();
    }

    /** Uploads a document to a pre-signed URL with PUT. */
    public void upload(String account, String url, String contentType, byte[] body, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
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
        Duration backoff = settings.throttledBackoff();
        boolean tokenRenewed = false;
        for (int attempt = 0; ; attempt++) {
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
                bucket(account, operation).drain();
                if (attempt < settings.throttledRetries()) {
                    Duration wait = retryAfter(response).orElse(backoff);
                    log.info("Amazon {} {} throttled (429); retrying in {} ms", account, operation.operationName(),
                            wait.toMillis());
                    pause(wait);
                    backoff = backoff.multipliedBy(2);
                    continue;
                }
                throw new SpApiException(message + "; still throttled after " + (attempt + 1) + " tries", true,
                        backoff, status, code);
            }
            if (status == 403 && restrictedDataToken == null && !tokenRenewed && mentionsExpiredToken(parsed)) {
                lwa.forget(account);
                tokenRenewed = true;
                continue;
            }
            boolean transientFailure = status >= 500;
            throw new SpApiException(message, transientFailure, null, status, code);
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

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    private static String errorCode(JsonNode body) {
        JsonNode first = firstError(body);
        return first == null || !first.hasNonNull("code") ? null : first.get("code").asString();
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

package com.returnsgateway.adapter.amazon.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Login with Amazon access tokens per seller account: exchanged for the refresh token, kept until shortly before
 * they expire (an hour after issue), so the SP-API calls of the next hour share one exchange.
 */
public class LwaTokens {

    private static final Logger log = LoggerFactory.getLogger(LwaTokens.class);
    /** A token this close to its expiry is renewed rather than sent, so it cannot expire in flight. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    public LwaTokens(HttpClient http, JsonMapper json, Clock clock, Duration timeout) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A live access token for the account: the cached one, or a fresh one from Login with Amazon. */
    public String accessToken(String account, AmazonAccount settings) {
        Token token = tokens.get(account);
        if (token != null && clock.instant().isBefore(token.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
            return token.value();
        }
        synchronized (this) {
            token = tokens.get(account);
            if (token != null && clock.instant().isBefore(token.expiresAt().minus(RENEW_BEFORE_EXPIRY))) {
                return token.value();
            }
            Token fresh = exchange(account, settings);
            tokens.put(account, fresh);
            return fresh.value();
        }
    }

    /** Amazon said the token is no good (expired early, revoked): the next call exchanges again. */
    public void forget(String account) {
        tokens.remove(account);
    }

    private Token exchange(String account, AmazonAccount settings) {
        requireCredential(account, "client-id", settings.clientId());
        requireCredential(account, "client-secret", settings.clientSecret());
        requireCredential(account, "refresh-token", settings.refreshToken());
        String form = "grant_type=refresh_token"
                + "&refresh_token=" + encode(settings.refreshToken())
                + "&client_id=" + encode(settings.clientId())
                + "&client_secret=" + encode(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.lwaEndpoint()))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SpApiException("Login with Amazon could not be reached for " + account + ": " + e, true,
                    null, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException("interrupted while asking Login with Amazon for " + account, true, null, 0, null);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new SpApiException("Login with Amazon answered " + response.statusCode() + " for " + account, true,
                    null, response.statusCode(), null);
        }
        if (response.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            String error = body == null ? null : text(body, "error");
            String description = body == null ? null : text(body, "error_description");
            throw new SpApiException("Login with Amazon refused the credentials of " + account + " (HTTP "
                    + response.statusCode() + (error == null ? "" : ", " + error)
                    + (description == null ? "" : ": " + description)
                    + "); check its client-id, client-secret and refresh-token", false, null,
                    response.statusCode(), error);
        }
        long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong() : 3600;
        log.info("Login with Amazon: new access token for {}, valid {} s", account, expiresIn);
        return new Token(body.get("access_token").asString(), clock.instant().plusSeconds(expiresIn));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void requireCredential(String account, String name, String value) {
        if (value == null || value.isBlank()) {
            throw new SpApiException("Amazon account " + account + " has no " + name + ": set gateway.marketplaces."
                    + account + ".amazon." + name + " from the environment or a secret file", false, null, 0,
                    "missing_credentials");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

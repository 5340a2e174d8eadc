package com.returnsgateway.core.webhooks;

import com.returnsgateway.core.cases.CaseEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks to the back office ({@code gateway.webhooks.*}): signed case events (Standard Webhooks), delivered at least
 * once from an outbox. No endpoint configured: the feature is off and nothing is written.
 *
 * @param endpoints     where events go, by name (the name shows in the delivery log, the metrics and the API)
 * @param sweepInterval how often due deliveries are looked for and posted
 * @param firstRetry    the wait after a first failed attempt; it doubles with each further failure ...
 * @param maxRetryDelay ... up to this (a Retry-After on 429 or 503 is honoured instead)
 * @param giveUpAfter   a delivery still failing this long after its first attempt (or its replay) is FAILED: it stays
 *                      in the log for replay, and operations get one alert per endpoint
 * @param timeout       connect timeout, and the time the endpoint has to answer an attempt
 * @param batch         deliveries claimed at a time by one sweep
 * @param concurrency   deliveries posted at once (each of another case, so every case's events stay in order): with
 *                      one at a time, an endpoint answering in 50 ms takes at most 20 events a second
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookSettings(
        Map<String, Endpoint> endpoints,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("3d") Duration giveUpAfter,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("50") int batch,
        @DefaultValue("8") int concurrency) {

    /** The prefix of a Standard Webhooks secret: {@code whsec_} and the key in base64. */
    public static final String SECRET_PREFIX = "whsec_";
    /** The shortest key Standard Webhooks allows: 24 bytes (192 bits). */
    public static final int MIN_SECRET_BYTES = 24;
    private static final String NAME = "[A-Za-z0-9_-]{1,64}";

    public WebhookSettings {
        endpoints = endpoints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /**
     * One receiver of the back office.
     *
     * @param url            where events are POSTed; https:// in production (see allowPlainHttp)
     * @param secret         the signing key: {@code whsec_<base64>} as Standard Webhooks serializes it (decoded), or
     *                       any other string, whose UTF-8 bytes are the key (a secret from the environment or a file)
     * @param events         the event types sent ({@code case.opened}, {@code refund.accepted}...); empty: all
     * @param enabled        false keeps the endpoint configured but sends it nothing (its pending deliveries wait)
     * @param allowPlainHttp production refuses an http:// url unless this is true (a back office on the same host)
     */
    public record Endpoint(String url, String secret, List<String> events, @DefaultValue("true") boolean enabled,
                           @DefaultValue("false") boolean allowPlainHttp) {

        public Endpoint {
            events = events == null ? List.of() : List.copyOf(events);
        }

        public boolean subscribes(CaseEvent.Type type) {
            return events.isEmpty() || events.contains(type.externalName());
        }

        public boolean hasSecret() {
            return secret != null && !secret.isBlank();
        }
    }

    /** The endpoints that are sent events, in configuration order. */
    public Map<String, Endpoint> active() {
        Map<String, Endpoint> active = new LinkedHashMap<>();
        endpoints.forEach((name, endpoint) -> {
            if (endpoint.enabled()) {
                active.put(name, endpoint);
            }
        });
        return active;
    }

    /** The names of the active endpoints that want events of this type. */
    public List<String> subscribersOf(CaseEvent.Type type) {
        return active().entrySet().stream().filter(e -> e.getValue().subscribes(type)).map(Map.Entry::getKey).toList();
    }

    /** The wait before the next attempt of a delivery that failed {@code failedAttempts} times (one or more). */
    public Duration retryDelay(int failedAttempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** Every setting that cannot work, each naming the key to change; empty when all is well. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        endpoints.forEach((name, endpoint) -> problems.addAll(problemsOf(name, endpoint)));
        positive(problems, "sweep-interval", sweepInterval);
        positive(problems, "first-retry", firstRetry);
        positive(problems, "max-retry-delay", maxRetryDelay);
        positive(problems, "give-up-after", giveUpAfter);
        positive(problems, "timeout", timeout);
        if (firstRetry != null && maxRetryDelay != null && firstRetry.compareTo(maxRetryDelay) > 0) {
            problems.add("gateway.webhooks.first-retry (" + firstRetry + ") is longer than max-retry-delay ("
                    + maxRetryDelay + "): make max-retry-delay the longer");
        }
        if (batch < 1 || batch > 1000) {
            problems.add("gateway.webhooks.batch is " + batch + ": claim between 1 and 1000 deliveries at a time");
        }
        return problems;
    }

    private static List<String> problemsOf(String name, Endpoint endpoint) {
        String key = "gateway.webhooks.endpoints." + name;
        List<String> problems = new ArrayList<>();
        if (!name.matches(NAME)) {
            problems.add(key + ": name an endpoint with letters, digits, - and _ only (at most 64): the name is"
                    + " part of the API's paths and the metrics' tags");
        }
        if (endpoint == null) {
            problems.add(key + " has no settings: give it a url and a secret");
            return problems;
        }
        problems.addAll(urlProblems(key + ".url", endpoint.url()));
        if (!endpoint.hasSecret()) {
            if (endpoint.enabled()) {
                problems.add(key + ".secret is not set: every event is signed; set a secret (whsec_ and at least "
                        + MIN_SECRET_BYTES + " random bytes in base64) from the environment or a secret file, shared"
                        + " with the back office");
            }
        } else if (endpoint.secret().strip().startsWith(SECRET_PREFIX)) {
            try {
                if (WebhookSignature.key(endpoint.secret()).length == 0) {
                    problems.add(key + ".secret is " + SECRET_PREFIX + " with no key after it");
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ".secret starts with " + SECRET_PREFIX + " but the rest is not base64: "
                        + e.getMessage());
            }
        }
        List<String> known = Arrays.stream(CaseEvent.Type.values()).map(CaseEvent.Type::externalName).toList();
        endpoint.events().stream().filter(event -> !known.contains(event)).forEach(event -> problems.add(key
                + ".events names '" + event + "', which is no event type; the types are " + String.join(", ", known)));
        return problems;
    }

    private static List<String> urlProblems(String key, String url) {
        if (url == null || url.isBlank()) {
            return List.of(key + " is not set: the back office's address that events are POSTed to");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return List.of(key + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null) {
            return List.of(key + " must be an absolute http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return List.of(key + " carries credentials (user:password@): leave them out, the signature proves who"
                    + " sends, and a URL shows in logs");
        }
        return List.of();
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add("gateway.webhooks." + name + " is " + value + ": set a positive duration (5s, 30s, 1h, 3d)");
        }
    }
}

package com.returnsgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seller's back office as a receiver of the gateway's webhooks, checking them as any Standard Webhooks consumer
 * does (https://www.standardwebhooks.com), with its own code rather than the gateway's: the signature
 * {@code v1,<base64 HMAC-SHA256>} over {@code {webhook-id}.{webhook-timestamp}.{raw body}} compared in constant time,
 * the timestamp within 5 minutes of now (a replayed message is refused), and {@code webhook-id} as the de-duplication
 * key (a retry or a replay is acknowledged and counted, not taken in twice). It can be told to fail its next
 * deliveries, to show retries. Thread-safe.
 */
@Component
@SandboxEnabled
public class SimulatedWebhookReceiver {

    /** Made up, not a secret: the sandbox's back-office endpoint is configured with it (application-sandbox.yaml). */
    public static final String SANDBOX_SECRET = "whsec_c2FuZGJveC1iYWNrb2ZmaWNlLXdlYmhvb2tzLW1hZGUtdXA=";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    /** What the receiver answers: a status and a JSON body. */
    public record Answer(HttpStatus status, ObjectNode body) {
    }

    private static final class Received {
        private final String id;
        private final String type;
        private final String caseId;
        private final Instant firstSeenAt;
        private int attempts;
        private boolean accepted;

        private Received(String id, String type, String caseId, Instant firstSeenAt) {
            this.id = id;
            this.type = type;
            this.caseId = caseId;
            this.firstSeenAt = firstSeenAt;
        }
    }

    private final byte[] key;
    private final Clock clock;
    private final Map<String, Received> byId = new LinkedHashMap<>();
    private int failNext;
    private HttpStatus failStatus = HttpStatus.SERVICE_UNAVAILABLE;

    @Autowired
    public SimulatedWebhookReceiver(@Value("${sandbox.backoffice.webhook-secret:" + SANDBOX_SECRET + "}") String secret) {
        this(secret, Clock.systemUTC());
    }

    SimulatedWebhookReceiver(String secret, Clock clock) {
        String value = secret.strip();
        this.key = value.startsWith(PREFIX) ? Base64.getDecoder().decode(value.substring(PREFIX.length()))
                : value.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public synchronized Answer receive(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            return refused("missing header(s): a webhook carries webhook-id, webhook-timestamp and webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return refused("webhook-timestamp '" + timestamp + "' is not unix seconds");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(TOLERANCE))) {
            return refused("webhook-timestamp " + sent + " is more than " + TOLERANCE.toMinutes()
                    + " minutes from now (" + now + "): a stale or replayed message is refused");
        }
        if (!signed(id, seconds, body, signatures)) {
            return refused("webhook-signature does not match the body, webhook-id and webhook-timestamp under the"
                    + " back office's secret (v1, HMAC-SHA256)");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return new Answer(HttpStatus.BAD_REQUEST, error("the body is not JSON"));
        }
        Received received = byId.computeIfAbsent(id, key -> new Received(key, Json.text(json, "type"),
                Json.text(json.path("data"), "caseId"), now));
        received.attempts++;
        if (failNext > 0) {
            failNext--;
            return new Answer(failStatus, error("the back office is failing on purpose (fail-next)"));
        }
        ObjectNode answer = Json.object();
        answer.put("id", id);
        answer.put("duplicate", received.accepted);
        received.accepted = true;
        return new Answer(HttpStatus.OK, answer);
    }

    /** The next {@code count} signed deliveries are answered with {@code status} (503 by default). */
    public synchronized void failNext(int count, int status) {
        if (count < 0 || status < 300 || status > 599) {
            throw SandboxException.badRequest("fail-next takes a count of 0 or more and a status from 300 to 599");
        }
        this.failNext = count;
        this.failStatus = HttpStatus.valueOf(status);
    }

    /** Every webhook-id seen, first seen first: its type and case, the attempts seen and whether one was taken in. */
    public synchronized ArrayNode received() {
        ArrayNode list = Json.NODES.arrayNode();
        byId.values().forEach(r -> {
            ObjectNode n = list.addObject();
            n.put("id", r.id);
            n.put("type", r.type);
            n.put("caseId", r.caseId);
            n.put("attempts", r.attempts);
            n.put("accepted", r.accepted);
            n.put("firstSeenAt", r.firstSeenAt.toString());
        });
        return list;
    }

    private boolean signed(String id, long timestamp, byte[] body, String signatures) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // several signatures, space-delimited, while a secret is rotated: one v1 that matches is enough
        for (String signature : signatures.strip().split(" +")) {
            if (!signature.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(3));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private static Answer refused(String why) {
        return new Answer(HttpStatus.UNAUTHORIZED, error(why));
    }

    private static ObjectNode error(String message) {
        ObjectNode error = Json.object();
        error.put("error", message);
        return error;
    }
}

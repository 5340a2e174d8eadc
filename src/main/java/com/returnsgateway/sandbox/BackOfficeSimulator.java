package com.returnsgateway.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The seller's back office: reship (replacement) instructions, idempotent on Idempotency-Key. Thread-safe. */
@Component
@SandboxEnabled
public class BackOfficeSimulator {

    public record Answer(HttpStatus status, ObjectNode body) {
    }

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Reship> byKey = new HashMap<>();
    private final List<Reship> reships = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    public synchronized Answer reship(String idempotencyKey, JsonNode body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw SandboxException.badRequest("Idempotency-Key header is required");
        }
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("the reship instruction must be a JSON object");
        }
        String returnId = Json.requireText(body, "returnId");
        String orderId = Json.requireText(body, "orderId");
        Reship first = byKey.get(idempotencyKey);
        if (first != null) {
            first.replays++;
            return new Answer(HttpStatus.OK, first.answer());
        }
        Reship reship = new Reship("RS-%06d".formatted(sequence.incrementAndGet()), idempotencyKey, returnId, orderId,
                body.deepCopy(), clock.instant());
        byKey.put(idempotencyKey, reship);
        reships.add(reship);
        return new Answer(HttpStatus.CREATED, reship.answer());
    }

    public synchronized ArrayNode reships() {
        ArrayNode list = Json.NODES.arrayNode();
        for (Reship r : reships) {
            ObjectNode n = list.addObject();
            n.put("reshipId", r.reshipId);
            n.put("idempotencyKey", r.idempotencyKey);
            n.put("returnId", r.returnId);
            n.put("orderId", r.orderId);
            n.set("body", r.body);
            n.put("receivedAt", r.receivedAt.toString());
            n.put("replays", r.replays);
        }
        return list;
    }

    public synchronized int count() {
        return reships.size();
    }

    public synchronized void clear() {
        byKey.clear();
        reships.clear();
    }

    private static final class Reship {
        final String reshipId;
        final String idempotencyKey;
        final String returnId;
        final String orderId;
        final JsonNode body;
        final Instant receivedAt;
        int replays;

        Reship(String reshipId, String idempotencyKey, String returnId, String orderId, JsonNode body,
               Instant receivedAt) {
            this.reshipId = reshipId;
            this.idempotencyKey = idempotencyKey;
            this.returnId = returnId;
            this.orderId = orderId;
            this.body = body;
            this.receivedAt = receivedAt;
        }

        ObjectNode answer() {
            ObjectNode n = Json.object();
            n.put("reshipId", reshipId);
            n.put("status", "ACCEPTED");
            n.put("returnId", returnId);
            n.put("orderId", orderId);
            return n;
        }
    }
}

package com.returnsgateway.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forwarders, one per configured code: parcels with the forwarder's own status codes, and intercept requests
 * (idempotent on Idempotency-Key). A parcel can be intercepted iff its status is one of the forwarder's
 * dispatchable codes and it is interceptable; rejections use 4PX's error codes. Thread-safe.
 */
@Component
@SandboxEnabled
public class ForwarderSimulator {

    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String NOT_IN_FORECAST = "DS000032";
    public static final String NOT_INTERCEPTABLE = "DS000031";
    public static final String SUCCESS = "SUCCESS";

    private final Clock clock;
    private final Map<String, Forwarder> forwarders = new LinkedHashMap<>();
    private final List<BiConsumer<String, Parcel>> parcelListeners = new CopyOnWriteArrayList<>();

    @Autowired
    public ForwarderSimulator(SandboxProperties properties) {
        this(properties.getForwarders(), Clock.systemUTC());
    }

    ForwarderSimulator(List<SandboxProperties.Forwarder> config, Clock clock) {
        this.clock = clock;
        for (SandboxProperties.Forwarder f : config) {
            if (f.getCode() == null || f.getCode().isBlank()) {
                throw new IllegalArgumentException("sandbox.forwarders[].code is required");
            }
            forwarders.put(f.getCode(), new Forwarder(f.getCode(), new LinkedHashSet<>(f.getDispatchableCodes())));
        }
    }

    /** A parcel at a forwarder; {@code held} once an intercept was accepted. */
    public record Parcel(String waybill, String status, boolean interceptable, boolean held, Instant updatedAt) {

        ObjectNode toJson(boolean withInterceptable) {
            ObjectNode node = Json.object();
            node.put("waybill", waybill);
            node.put("status", status);
            if (withInterceptable) {
                node.put("interceptable", interceptable);
            }
            node.put("held", held);
            node.put("updatedAt", updatedAt.toString());
            return node;
        }
    }

    public Set<String> codes() {
        return forwarders.keySet();
    }

    public Set<String> dispatchableCodes(String code) {
        return forwarder(code).dispatchable;
    }

    /** Sets (replaces) a parcel's state. */
    public Parcel put(String code, String waybill, String status, boolean interceptable, boolean held) {
        Forwarder f = forwarder(code);
        if (waybill == null || waybill.isBlank()) {
            throw SandboxException.badRequest("waybill is required");
        }
        if (status == null || status.isBlank()) {
            throw SandboxException.badRequest("status is required");
        }
        Parcel parcel = new Parcel(waybill, status, interceptable, held, clock.instant());
        f.parcels.put(waybill, parcel);
        parcelListeners.forEach(listener -> listener.accept(code, parcel));
        return parcel;
    }

    /** Called with the forwarder code and the parcel after every {@link #put} (the SFTP forwarder publishes it). */
    public void addParcelListener(BiConsumer<String, Parcel> listener) {
        parcelListeners.add(listener);
    }

    public Optional<Parcel> parcel(String code, String waybill) {
        return Optional.ofNullable(forwarder(code).parcels.get(waybill));
    }

    /** The parcels at a forwarder now. */
    public List<Parcel> parcels(String code) {
        return List.copyOf(forwarder(code).parcels.values());
    }

    public int parcelCount(String code) {
        return forwarder(code).parcels.size();
    }

    /** An intercept request; a replay of the key answers the first answer and counts as a replay. */
    public ObjectNode intercept(String code, String idempotencyKey, JsonNode body) {
        Forwarder f = forwarder(code);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw SandboxException.badRequest("Idempotency-Key header is required");
        }
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("the intercept request must be a JSON object");
        }
        String waybill = Json.requireText(body, "waybill");
        String reason = Json.text(body, "reason");
        String reference = Json.text(body, "reference");
        synchronized (f) {
            Intercept first = f.interceptsByKey.get(idempotencyKey);
            if (first != null) {
                first.replays++;
                return first.answer();
            }
            Parcel parcel = f.parcels.get(waybill);
            String outcome;
            String resultCode;
            String message;
            if (parcel == null) {
                outcome = "REJECTED";
                resultCode = NOT_FOUND;
                message = "waybill " + waybill + " not found";
            } else if (!f.dispatchable.contains(parcel.status())) {
                outcome = "REJECTED";
                resultCode = NOT_IN_FORECAST;
                message = "cannot intercept when not in forecast status (status " + parcel.status() + ")";
            } else if (!parcel.interceptable()) {
                outcome = "REJECTED";
                resultCode = NOT_INTERCEPTABLE;
                message = "product cannot be intercepted";
            } else {
                outcome = "ACCEPTED";
                resultCode = SUCCESS;
                message = parcel.held() ? "parcel already held" : "intercept accepted; parcel held at the warehouse";
                f.parcels.put(waybill, new Parcel(waybill, parcel.status(), parcel.interceptable(), true,
                        clock.instant()));
            }
            Intercept intercept = new Intercept(waybill, idempotencyKey, reference, reason, outcome, resultCode,
                    message, clock.instant(), body.deepCopy());
            f.interceptsByKey.put(idempotencyKey, intercept);
            f.intercepts.add(intercept);
            return intercept.answer();
        }
    }

    public ArrayNode intercepts(String code) {
        Forwarder f = forwarder(code);
        ArrayNode list = Json.NODES.arrayNode();
        synchronized (f) {
            for (Intercept i : f.intercepts) {
                ObjectNode n = list.addObject();
                n.put("waybill", i.waybill);
                n.put("idempotencyKey", i.idempotencyKey);
                n.put("reference", i.reference);
                n.put("reason", i.reason);
                n.put("outcome", i.outcome);
                n.put("code", i.code);
                n.put("message", i.message);
                n.put("receivedAt", i.receivedAt.toString());
                n.put("replays", i.replays);
                // the request as it came, so tests can hold the gateway's requests to the contract (GatewayContractsTest)
                n.set("body", i.body.deepCopy());
            }
        }
        return list;
    }

    public void clear() {
        for (Forwarder f : forwarders.values()) {
            synchronized (f) {
                f.parcels.clear();
                f.intercepts.clear();
                f.interceptsByKey.clear();
            }
        }
    }

    private Forwarder forwarder(String code) {
        Forwarder f = forwarders.get(code);
        if (f == null) {
            throw SandboxException.notFound("unknown forwarder " + code + "; known: " + forwarders.keySet());
        }
        return f;
    }

    private static final class Forwarder {
        final String code;
        final Set<String> dispatchable;
        final Map<String, Parcel> parcels = new ConcurrentHashMap<>();
        final Map<String, Intercept> interceptsByKey = new HashMap<>();
        final List<Intercept> intercepts = new ArrayList<>();

        Forwarder(String code, Set<String> dispatchable) {
            this.code = code;
            this.dispatchable = Set.copyOf(dispatchable);
        }
    }

    private static final class Intercept {
        final String waybill;
        final String idempotencyKey;
        final String reference;
        final String reason;
        final String outcome;
        final String code;
        final String message;
        final Instant receivedAt;
        final JsonNode body;
        int replays;

        Intercept(String waybill, String idempotencyKey, String reference, String reason, String outcome,
                  String code, String message, Instant receivedAt, JsonNode body) {
            this.waybill = waybill;
            this.idempotencyKey = idempotencyKey;
            this.reference = reference;
            this.reason = reason;
            this.outcome = outcome;
            this.code = code;
            this.message = message;
            this.receivedAt = receivedAt;
            this.body = body;
        }

        ObjectNode answer() {
            ObjectNode n = Json.object();
            n.put("outcome", outcome);
            n.put("code", code);
            n.put("message", message);
            n.put("waybill", waybill);
            return n;
        }
    }
}

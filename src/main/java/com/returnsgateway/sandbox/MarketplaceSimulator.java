package com.returnsgateway.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * In-memory marketplaces, keyed by the return's {@code marketplace} field: the return requests they serve
 * (paged by updatedAt) and the refund instructions they received (idempotent on Idempotency-Key).
 * Thread-safe.
 */
@Component
@SandboxEnabled
public class MarketplaceSimulator {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> REFUND_TYPES = Set.of("FULL", "PARTIAL");

    private final Clock clock;
    private final Map<String, Shelf> shelves = new ConcurrentHashMap<>();
    private final Object refundLock = new Object();
    private final Map<String, Refund> refundsByKey = new HashMap<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final AtomicLong refundSequence = new AtomicLong();

    public MarketplaceSimulator() {
        this(Clock.systemUTC());
    }

    MarketplaceSimulator(Clock clock) {
        this.clock = clock;
    }

    // ---------------------------------------------------------------- returns

    /** Stores one return (replacing the one with the same marketplace and returnId); sets updatedAt when absent. */
    public ObjectNode store(JsonNode body) {
        ObjectNode stored = prepare(body);
        shelf(stored.get("marketplace").stringValue()).put(stored);
        return stored;
    }

    /** Stores a list of returns; all are checked before any is stored. */
    public List<ObjectNode> storeAll(List<JsonNode> bodies) {
        List<ObjectNode> prepared = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            try {
                prepared.add(prepare(bodies.get(i)));
            } catch (SandboxException e) {
                throw SandboxException.badRequest("returns[" + i + "]: " + e.getMessage());
            }
        }
        prepared.forEach(r -> shelf(r.get("marketplace").stringValue()).put(r));
        return prepared;
    }

    private ObjectNode prepare(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("a return must be a JSON object");
        }
        ObjectNode copy = (ObjectNode) body.deepCopy();
        String marketplace = Json.text(copy, "marketplace");
        String returnId = Json.text(copy, "returnId");
        if (marketplace == null && returnId == null) {
            throw SandboxException.badRequest("marketplace and returnId are required");
        }
        if (marketplace == null) {
            throw SandboxException.badRequest("marketplace is required");
        }
        if (returnId == null) {
            throw SandboxException.badRequest("returnId is required");
        }
        String updatedAt = Json.text(copy, "updatedAt");
        Instant at = updatedAt == null ? clock.instant() : Json.instant(updatedAt, "updatedAt");
        copy.put("updatedAt", at.toString());
        return copy;
    }

    /**
     * One page of a marketplace's returns with {@code updatedAt >= updatedAfter}, ordered by (updatedAt, returnId),
     * starting after the position the page token names.
     */
    public Page page(String marketplace, Instant updatedAfter, String pageToken, int pageSize) {
        if (pageSize < 1) {
            throw SandboxException.badRequest("pageSize must be at least 1");
        }
        int size = Math.min(pageSize, MAX_PAGE_SIZE);
        Position after = pageToken == null || pageToken.isBlank() ? null : Position.fromToken(pageToken);
        Shelf shelf = shelves.get(marketplace);
        if (shelf == null) {
            return new Page(List.of(), null);
        }
        return shelf.page(updatedAfter, after, size);
    }

    public Map<String, Integer> marketplaces() {
        Map<String, Integer> counts = new TreeMap<>();
        shelves.forEach((name, shelf) -> counts.put(name, shelf.size()));
        return counts;
    }

    private Shelf shelf(String marketplace) {
        return shelves.computeIfAbsent(marketplace, m -> new Shelf());
    }

    public record Page(List<ObjectNode> returns, String nextPageToken) {
    }

    /** Where a return sits in the paging order. */
    record Position(Instant updatedAt, String returnId) implements Comparable<Position> {

        @Override
        public int compareTo(Position o) {
            int c = updatedAt.compareTo(o.updatedAt);
            return c != 0 ? c : returnId.compareTo(o.returnId);
        }

        String token() {
            String raw = "v1|" + updatedAt + "|" + returnId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position fromToken(String token) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 3);
                if (parts.length != 3 || !parts[0].equals("v1")) {
                    throw new IllegalArgumentException(raw);
                }
                return new Position(Instant.parse(parts[1]), parts[2]);
            } catch (RuntimeException e) {
                throw SandboxException.badRequest("pageToken is not valid");
            }
        }
    }

    private static final class Shelf {
        private final TreeMap<Position, ObjectNode> byPosition = new TreeMap<>();
        private final Map<String, Position> byId = new HashMap<>();

        synchronized void put(ObjectNode stored) {
            String returnId = stored.get("returnId").stringValue();
            Position position = new Position(Instant.parse(stored.get("updatedAt").stringValue()), returnId);
            Position old = byId.put(returnId, position);
            if (old != null) {
                byPosition.remove(old);
            }
            byPosition.put(position, stored);
        }

        synchronized Page page(Instant updatedAfter, Position after, int size) {
            Map<Position, ObjectNode> tail;
            if (after != null) {
                tail = byPosition.tailMap(after, false);
            } else if (updatedAfter != null) {
                tail = byPosition.tailMap(new Position(updatedAfter, ""), true);
            } else {
                tail = byPosition;
            }
            List<ObjectNode> page = new ArrayList<>(Math.min(size, 64));
            Position last = null;
            boolean more = false;
            for (Map.Entry<Position, ObjectNode> e : tail.entrySet()) {
                if (updatedAfter != null && e.getKey().updatedAt().isBefore(updatedAfter)) {
                    continue;
                }
                if (page.size() == size) {
                    more = true;
                    break;
                }
                page.add(e.getValue());
                last = e.getKey();
            }
            return new Page(page, more ? last.token() : null);
        }

        synchronized int size() {
            return byPosition.size();
        }
    }

    // ---------------------------------------------------------------- refunds

    /** The answer to a refund call: 201 for a new refund, 200 for a replay of the same key and body. */
    public record RefundAnswer(HttpStatus status, ObjectNode body) {
    }

    public RefundAnswer refund(String marketplace, String idempotencyKey, JsonNode body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw SandboxException.badRequest("Idempotency-Key header is required");
        }
        RefundRequest request = RefundRequest.parse(body);
        String key = marketplace + "\u0000" + idempotencyKey;
        synchronized (refundLock) {
            Refund first = refundsByKey.get(key);
            if (first != null) {
                if (!first.request.equals(request)) {
                    throw new SandboxException(HttpStatus.UNPROCESSABLE_ENTITY,
                            "Idempotency-Key " + idempotencyKey + " was already used with a different refund body"
                                    + " (refund " + first.refundId + ")");
                }
                first.replays++;
                return new RefundAnswer(HttpStatus.OK, first.answer.deepCopy());
            }
            String refundId = "RF-%06d".formatted(refundSequence.incrementAndGet());
            Refund refund = new Refund(refundId, marketplace, idempotencyKey, request, body.deepCopy(), clock.instant());
            refundsByKey.put(key, refund);
            refunds.add(refund);
            return new RefundAnswer(HttpStatus.CREATED, refund.answer.deepCopy());
        }
    }

    /** The refund received under this key, as it was first answered; empty when there is none. */
    public Optional<ObjectNode> refundByKey(String marketplace, String idempotencyKey) {
        synchronized (refundLock) {
            Refund refund = refundsByKey.get(marketplace + "\u0000" + idempotencyKey);
            if (refund == null) {
                return Optional.empty();
            }
            refund.lookups++;
            return Optional.of(refund.answer.deepCopy());
        }
    }

    public ArrayNode refunds(String marketplace, String returnId) {
        ArrayNode list = Json.NODES.arrayNode();
        synchronized (refundLock) {
            for (Refund r : refunds) {
                if ((marketplace == null || marketplace.equals(r.marketplace))
                        && (returnId == null || returnId.equals(r.request.returnId()))) {
                    list.add(r.describe());
                }
            }
        }
        return list;
    }

    public void clear() {
        shelves.clear();
        synchronized (refundLock) {
            refunds.clear();
            refundsByKey.clear();
        }
    }

    /** The fields of a refund call that the idempotency check compares. */
    record RefundRequest(String returnId, String orderId, String type, BigDecimal amount, String currency,
                         String reason) {

        static RefundRequest parse(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw SandboxException.badRequest("the refund must be a JSON object");
            }
            String returnId = Json.requireText(body, "returnId");
            String orderId = Json.requireText(body, "orderId");
            String type = Json.requireText(body, "type");
            if (!REFUND_TYPES.contains(type)) {
                throw SandboxException.badRequest("type must be FULL or PARTIAL, was " + type);
            }
            BigDecimal amount = Json.decimal(body, "amount");
            if (amount == null) {
                throw SandboxException.badRequest("amount is required");
            }
            if (amount.signum() <= 0) {
                throw SandboxException.badRequest("amount must be positive, was " + amount.toPlainString());
            }
            String currency = Json.requireText(body, "currency");
            Currency iso;
            try {
                iso = Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw SandboxException.badRequest("currency is not an ISO 4217 code: " + currency);
            }
            int digits = Math.max(0, iso.getDefaultFractionDigits());
            BigDecimal normalized = amount.stripTrailingZeros();
            if (normalized.scale() > digits) {
                throw SandboxException.badRequest("amount " + amount.toPlainString() + " has more decimals than "
                        + currency + " allows (" + digits + ")");
            }
            String reason = Json.requireText(body, "reason");
            return new RefundRequest(returnId, orderId, type, normalized.setScale(digits), currency, reason);
        }
    }

    private static final class Refund {
        final String refundId;
        final String marketplace;
        final String idempotencyKey;
        final RefundRequest request;
        final JsonNode body;
        final Instant receivedAt;
        final ObjectNode answer;
        int replays;
        int lookups;

        Refund(String refundId, String marketplace, String idempotencyKey, RefundRequest request, JsonNode body,
               Instant receivedAt) {
            this.refundId = refundId;
            this.marketplace = marketplace;
            this.idempotencyKey = idempotencyKey;
            this.request = request;
            this.body = body;
            this.receivedAt = receivedAt;
            ObjectNode a = Json.object();
            a.put("refundId", refundId);
            a.put("status", "ACCEPTED");
            putRequest(a);
            a.put("receivedAt", receivedAt.toString());
            this.answer = a;
        }

        private void putRequest(ObjectNode node) {
            node.put("marketplace", marketplace);
            node.put("returnId", request.returnId());
            node.put("orderId", request.orderId());
            node.put("type", request.type());
            node.put("amount", request.amount());
            node.put("currency", request.currency());
            node.put("reason", request.reason());
        }

        ObjectNode describe() {
            ObjectNode d = Json.object();
            d.put("refundId", refundId);
            d.put("marketplace", marketplace);
            d.put("idempotencyKey", idempotencyKey);
            d.put("returnId", request.returnId());
            d.put("orderId", request.orderId());
            d.put("type", request.type());
            d.put("amount", request.amount());
            d.put("currency", request.currency());
            d.put("reason", request.reason());
            d.put("status", "ACCEPTED");
            d.put("receivedAt", receivedAt.toString());
            d.put("replays", replays);
            d.put("lookups", lookups);
            // the first request as it came, so tests can hold the gateway's requests to the contract
            d.set("body", body.deepCopy());
            return d;
        }
    }

    static Map<String, Object> info(MarketplaceSimulator m) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("returns", m.marketplaces());
        synchronized (m.refundLock) {
            info.put("refunds", m.refunds.size());
        }
        return info;
    }
}

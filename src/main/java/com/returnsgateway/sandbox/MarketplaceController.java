package com.returnsgateway.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic marketplace API ({@code GET /sandbox/marketplace/{marketplace}/returns},
 * {@code POST /sandbox/marketplace/{marketplace}/refunds}, {@code GET /sandbox/marketplace/{marketplace}/refunds/{key}})
 * and its control endpoints (inject returns, list refunds).
 */
@RestController
@RequestMapping("/sandbox/marketplace")
@SandboxEnabled
public class MarketplaceController {

    private final MarketplaceSimulator marketplace;
    private final Faults faults;
    private final CannedAnswers canned;

    public MarketplaceController(MarketplaceSimulator marketplace, Faults faults, CannedAnswers canned) {
        this.marketplace = marketplace;
        this.faults = faults;
        this.canned = canned;
    }

    /**
     * Control (bad-input experiments): the next {@code GET .../{marketplace}/returns} answers this raw body, once,
     * with the request's Content-Type and {@code ?status=} (200 by default): an HTML page, truncated JSON, nothing.
     */
    @PutMapping("/{marketplace}/next-page")
    public ResponseEntity<Map<String, Object>> nextPage(@PathVariable("marketplace") String name,
                                                        @RequestParam(name = "status", defaultValue = "200") int status,
                                                        @RequestHeader(name = "Content-Type", required = false)
                                                        String contentType,
                                                        @RequestBody(required = false) byte[] body) {
        canned.add(new CannedAnswers.Canned(name, "returns", null, status, contentType,
                body == null ? new byte[0] : body));
        return ResponseEntity.ok(Map.of("marketplace", name, "status", status, "bytes", body == null ? 0 : body.length));
    }

    /** Control: inject one return object, or an array of them. */
    @PostMapping("/returns")
    public ResponseEntity<JsonNode> inject(@RequestBody JsonNode body) {
        if (body.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            body.forEach(items::add);
            ArrayNode stored = Json.NODES.arrayNode();
            marketplace.storeAll(items).forEach(stored::add);
            return ResponseEntity.status(HttpStatus.CREATED).body(stored);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(marketplace.store(body));
    }

    /** Marketplace API: returns updated at or after {@code updatedAfter}, paged. */
    @GetMapping("/{marketplace}/returns")
    public ResponseEntity<?> returns(@PathVariable("marketplace") String name,
                              @RequestParam(name = "updatedAfter", required = false) String updatedAfter,
                              @RequestParam(name = "pageToken", required = false) String pageToken,
                              @RequestParam(name = "pageSize", required = false) Integer pageSize) {
        faults.apply();
        var once = canned.take(name, "returns", null);
        if (once.isPresent()) {
            return once.get().response();
        }
        Instant after = updatedAfter == null || updatedAfter.isBlank() ? null
                : Json.instant(updatedAfter, "updatedAfter");
        MarketplaceSimulator.Page page = marketplace.page(name, after, pageToken,
                pageSize == null ? MarketplaceSimulator.DEFAULT_PAGE_SIZE : pageSize);
        ObjectNode answer = Json.object();
        ArrayNode returns = answer.putArray("returns");
        page.returns().forEach(returns::add);
        if (page.nextPageToken() == null) {
            answer.putNull("nextPageToken");
        } else {
            answer.put("nextPageToken", page.nextPageToken());
        }
        return ResponseEntity.ok(answer);
    }

    /** Marketplace API: a refund instruction, idempotent on the Idempotency-Key header. */
    @PostMapping("/{marketplace}/refunds")
    public ResponseEntity<ObjectNode> refund(@PathVariable("marketplace") String name,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                             @RequestBody(required = false) JsonNode body) {
        faults.apply();
        MarketplaceSimulator.RefundAnswer answer = marketplace.refund(name, key, body);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.status() == HttpStatus.OK) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(answer.body());
    }

    /** Marketplace API: the refund received under this Idempotency-Key, as first answered; 404 when none. */
    @GetMapping("/{marketplace}/refunds/{key}")
    public ObjectNode refundByKey(@PathVariable("marketplace") String name, @PathVariable("key") String key) {
        faults.apply();
        return marketplace.refundByKey(name, key).orElseThrow(() -> new SandboxException(HttpStatus.NOT_FOUND,
                "no refund with Idempotency-Key " + key));
    }

    /** Inspection: every refund instruction received, with its idempotency key and replay count. */
    @GetMapping("/refunds")
    public ArrayNode refunds(@RequestParam(name = "marketplace", required = false) String name,
                             @RequestParam(name = "returnId", required = false) String returnId) {
        return marketplace.refunds(name, returnId);
    }
}

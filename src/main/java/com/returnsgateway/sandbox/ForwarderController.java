package com.returnsgateway.sandbox;

import java.util.LinkedHashMap;
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
 * The forwarder API the gateway calls ({@code GET .../shipments/{waybill}}, {@code POST .../intercepts}) and its
 * control endpoints (set a parcel's state, list intercepts received).
 */
@RestController
@RequestMapping("/sandbox/forwarders/{code}")
@SandboxEnabled
public class ForwarderController {

    private final ForwarderSimulator forwarders;
    private final Faults faults;
    private final CannedAnswers canned;

    public ForwarderController(ForwarderSimulator forwarders, Faults faults, CannedAnswers canned) {
        this.forwarders = forwarders;
        this.faults = faults;
        this.canned = canned;
    }

    /**
     * Control (bad-input experiments): the next shipment-status or intercept call answers this raw body, once, with
     * the request's Content-Type and {@code ?status=} (200 by default). {@code ?call=status|intercept} and
     * {@code ?waybill=} narrow which call gets it.
     */
    @PutMapping("/next-response")
    public Map<String, Object> nextResponse(@PathVariable("code") String code,
                                            @RequestParam(name = "status", defaultValue = "200") int status,
                                            @RequestParam(name = "call", required = false) String call,
                                            @RequestParam(name = "waybill", required = false) String waybill,
                                            @RequestHeader(name = "Content-Type", required = false) String contentType,
                                            @RequestBody(required = false) byte[] body) {
        forwarders.dispatchableCodes(code);
        if (call != null && !call.equals("status") && !call.equals("intercept")) {
            throw SandboxException.badRequest("call must be status or intercept");
        }
        canned.add(new CannedAnswers.Canned(code, call, waybill, status, contentType,
                body == null ? new byte[0] : body));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("forwarder", code);
        answer.put("call", call == null ? "any" : call);
        answer.put("waybill", waybill == null ? "any" : waybill);
        answer.put("status", status);
        answer.put("bytes", body == null ? 0 : body.length);
        return answer;
    }

    /** Control: set a parcel's state, {@code {"status": "<forwarder's code>", "interceptable": true, "held": false}}. */
    @PutMapping("/shipments/{waybill}")
    public ObjectNode put(@PathVariable("code") String code, @PathVariable("waybill") String waybill,
                          @RequestBody(required = false) JsonNode body) {
        forwarders.dispatchableCodes(code); // 404 for an unknown forwarder before looking at the body
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("body must be a JSON object with status");
        }
        return forwarders.put(code, waybill, Json.requireText(body, "status"),
                Json.bool(body, "interceptable", true), Json.bool(body, "held", false)).toJson(true);
    }

    /** Forwarder API: a parcel's status. */
    @GetMapping("/shipments/{waybill}")
    public ResponseEntity<?> get(@PathVariable("code") String code, @PathVariable("waybill") String waybill) {
        forwarders.dispatchableCodes(code);
        faults.apply();
        var once = canned.take(code, "status", waybill);
        if (once.isPresent()) {
            return once.get().response();
        }
        return forwarders.parcel(code, waybill)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(p.toJson(false)))
                .orElseGet(() -> {
                    ObjectNode error = Json.object();
                    error.put("error", "unknown waybill " + waybill);
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error);
                });
    }

    /** Forwarder API: ask to stop a parcel before it leaves the warehouse. */
    @PostMapping("/intercepts")
    public ResponseEntity<?> intercept(@PathVariable("code") String code,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                       @RequestBody(required = false) JsonNode body) {
        forwarders.dispatchableCodes(code);
        faults.apply();
        String waybill = body != null && body.hasNonNull("waybill") ? body.get("waybill").asString() : null;
        var once = canned.take(code, "intercept", waybill);
        if (once.isPresent()) {
            // a 2xx means the forwarder took the request, however garbled its answer: it counts as received
            if (once.get().status() / 100 == 2) {
                forwarders.intercept(code, key, body);
            }
            return once.get().response();
        }
        return ResponseEntity.ok(forwarders.intercept(code, key, body));
    }

    /** Inspection: intercept requests received, with idempotency keys and replay counts. */
    @GetMapping("/intercepts")
    public ArrayNode intercepts(@PathVariable("code") String code) {
        return forwarders.intercepts(code);
    }

    /** Inspection: the forwarder's settings and parcel count. */
    @GetMapping
    public Map<String, Object> describe(@PathVariable("code") String code) {
        return Map.of("code", code, "dispatchableCodes", forwarders.dispatchableCodes(code),
                "parcels", forwarders.parcelCount(code));
    }
}

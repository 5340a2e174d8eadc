package com.returnsgateway.sandbox;

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

    public ForwarderController(ForwarderSimulator forwarders, Faults faults) {
        this.forwarders = forwarders;
        this.faults = faults;
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
    public ResponseEntity<ObjectNode> get(@PathVariable("code") String code, @PathVariable("waybill") String waybill) {
        forwarders.dispatchableCodes(code);
        faults.apply();
        return forwarders.parcel(code, waybill)
                .map(p -> ResponseEntity.ok(p.toJson(false)))
                .orElseGet(() -> {
                    ObjectNode error = Json.object();
                    error.put("error", "unknown waybill " + waybill);
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error);
                });
    }

    /** Forwarder API: ask to stop a parcel before it leaves the warehouse. */
    @PostMapping("/intercepts")
    public ObjectNode intercept(@PathVariable("code") String code,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @RequestBody(required = false) JsonNode body) {
        forwarders.dispatchableCodes(code);
        faults.apply();
        return forwarders.intercept(code, key, body);
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

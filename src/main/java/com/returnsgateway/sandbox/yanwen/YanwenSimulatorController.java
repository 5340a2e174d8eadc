package com.returnsgateway.sandbox.yanwen;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.ForwarderSimulator;
import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SandboxException;
import com.returnsgateway.sandbox.SimulatedForwarders;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Yanwen's tracking API ({@code GET /sandbox/yanwen/api/tracking?nums=a,b}, header {@code Authorization: <customer
 * number>}) over the parcels of forwarder code {@code yanwen} in the {@link ForwarderSimulator} (set them with
 * {@code PUT /sandbox/forwarders/yanwen/shipments/{waybill}} and a Yanwen code such as OR10 or LM40). Each parcel has
 * one checkpoint: its status, at the time it was set, in Yanwen's +8 zone.
 * <p>
 * A wrong customer number answers {@code {"code": 401, "message": ...}} with HTTP 200: Yanwen's error shape is not
 * published, so this one is made up (plausible, and what the adapter reads as a refused number).
 */
@RestController
@RequestMapping("/sandbox/yanwen")
@SandboxEnabled
public class YanwenSimulatorController implements SimulatedForwarders {

    static final String CODE = "yanwen";
    static final int MAX_NUMBERS = 40;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ZoneOffset YANWEN_ZONE = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("OR10", "Shipment information received"),
            Map.entry("OR30", "Order cancelled"),
            Map.entry("PU10", "Picked up by Yanwen"),
            Map.entry("LM25", "Out for delivery"),
            Map.entry("LM30", "Arrived at pickup point"),
            Map.entry("LM40", "Delivered"),
            Map.entry("LM50", "Delivery attempt failed"),
            Map.entry("LM75", "Refused by the addressee"),
            Map.entry("LM85", "Lost in transit"),
            Map.entry("LM90", "Returned to sender"));

    private final ForwarderSimulator forwarders;
    private final Faults faults;
    private final String customerNumber;

    public YanwenSimulatorController(ForwarderSimulator forwarders, Faults faults,
                                     @Value("${sandbox.yanwen.customer-number:SANDBOX-YW-100200}") String customerNumber) {
        this.forwarders = forwarders;
        this.faults = faults;
        this.customerNumber = customerNumber;
    }

    @Override
    public List<Simulated> simulated(String sandboxBaseUrl) {
        return List.of(new Simulated(CODE, "yanwen", sandboxBaseUrl + "/sandbox/yanwen"));
    }

    /** Yanwen API: the tracking of one or more numbers (comma-separated). */
    @GetMapping("/api/tracking")
    public ResponseEntity<ObjectNode> tracking(@RequestParam(name = "nums", required = false) String nums,
                                               @RequestHeader(name = "Authorization", required = false) String auth) {
        forwarders.dispatchableCodes(CODE); // 404 when the sandbox has no yanwen forwarder
        faults.apply();
        ObjectNode answer = NODES.objectNode();
        if (auth == null || !customerNumber.equals(auth.strip())) {
            answer.put("code", 401);
            answer.put("message", "Unauthorized: unknown customer number");
            answer.putArray("result");
            return ResponseEntity.ok(answer);
        }
        List<String> numbers = nums == null ? List.of() : Arrays.stream(nums.split(","))
                .map(String::strip).filter(n -> !n.isEmpty()).toList();
        if (numbers.isEmpty()) {
            throw SandboxException.badRequest("nums is required: one or more tracking numbers, comma-separated");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw SandboxException.badRequest("at most " + MAX_NUMBERS + " numbers a call");
        }
        answer.put("code", 0);
        answer.put("message", "success");
        ArrayNode result = answer.putArray("result");
        for (String number : numbers) {
            ObjectNode entry = result.addObject();
            entry.put("tracking_number", number);
            ArrayNode checkpoints = entry.putArray("checkpoints");
            forwarders.parcel(CODE, number).ifPresentOrElse(parcel -> {
                entry.put("tracking_status", parcel.status());
                ObjectNode checkpoint = checkpoints.addObject();
                checkpoint.put("time_stamp", TIME.format(parcel.updatedAt().atOffset(YANWEN_ZONE)));
                checkpoint.put("time_zone", "+8");
                checkpoint.put("tracking_status", parcel.status());
                checkpoint.put("message", MESSAGES.getOrDefault(parcel.status(), "Status " + parcel.status()));
                checkpoint.put("location", parcel.status().startsWith("LM") ? "Destination country" : "Shenzhen, CN");
            }, () -> entry.put("tracking_status", "NOTFOUND"));
        }
        return ResponseEntity.ok(answer);
    }
}

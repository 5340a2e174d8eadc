package com.returnsgateway.sandbox.seventeentrack;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SandboxException;
import com.returnsgateway.sandbox.SimulatedForwarders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * 17TRACK v2.2 under {@code /sandbox/17track/track/v2.2/{register,gettrackinfo,stoptrack,getquota}} (header
 * {@code 17token}), and its controls: {@code PUT /sandbox/17track/numbers/{number}}
 * {@code {"status":"Delivered","subStatus":"Delivered_Other"}} sets a number's status (and pushes the webhook when it
 * is registered), {@code PUT /sandbox/17track/next-error} {@code {"status":503}} or {@code {"code":-18010002}} makes
 * the next API call fail once.
 */
@RestController
@RequestMapping("/sandbox/17track")
@SandboxEnabled
public class SeventeenTrackSimulatorController implements SimulatedForwarders {

    private static final Set<String> OPERATIONS = Set.of("register", "gettrackinfo", "stoptrack", "getquota");

    private final SeventeenTrackSimulator simulator;
    private final Faults faults;

    public SeventeenTrackSimulatorController(SeventeenTrackSimulator simulator, Faults faults) {
        this.simulator = simulator;
        this.faults = faults;
    }

    @Override
    public List<Simulated> simulated(String sandboxBaseUrl) {
        return List.of(new Simulated("17track", "17track", sandboxBaseUrl + "/sandbox/17track/track/v2.2"));
    }

    /** 17TRACK API. */
    @PostMapping("/track/v2.2/{operation}")
    public ResponseEntity<ObjectNode> api(@PathVariable("operation") String operation,
                                          @RequestHeader(name = "17token", required = false) String token,
                                          @RequestBody(required = false) JsonNode body) {
        if (!OPERATIONS.contains(operation)) {
            throw SandboxException.notFound("the 17TRACK simulator answers " + OPERATIONS + ", not " + operation);
        }
        faults.apply();
        SeventeenTrackSimulator.Answer answer = simulator.call(operation, token, body);
        return ResponseEntity.status(answer.status()).body(answer.body());
    }

    /** Control: a number's status; pushed to the gateway's webhook when the number is registered. */
    @PutMapping("/numbers/{number}")
    public Map<String, Object> setStatus(@PathVariable("number") String number,
                                         @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject() || body.path("status").asString("").isBlank()) {
            throw SandboxException.badRequest("body must be {\"status\": \"Delivered\", \"subStatus\": \"...\"}");
        }
        String subStatus = body.path("subStatus").asString("").strip();
        return view(simulator.setStatus(number, body.path("status").asString().strip(),
                subStatus.isEmpty() ? null : subStatus));
    }

    /** Inspection: a number as 17TRACK knows it. */
    @GetMapping("/numbers/{number}")
    public Map<String, Object> number(@PathVariable("number") String number) {
        return view(simulator.number(number)
                .orElseThrow(() -> SandboxException.notFound("17TRACK does not know " + number)));
    }

    /** Control: the next API call answers {@code status} (HTTP, default 200) with envelope {@code code}, once. */
    @PutMapping("/next-error")
    public Map<String, Object> nextError(@RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SandboxException.badRequest("body must be {\"status\": 503} and/or {\"code\": -18010002}");
        }
        int status = body.path("status").asInt(200);
        int code = body.path("code").asInt(status == 200 ? SeventeenTrackSimulator.INVALID_KEY : status);
        String message = body.path("message").asString("simulated failure");
        simulator.failNext(status, code, message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("code", code);
        return answer;
    }

    private static Map<String, Object> view(SeventeenTrackSimulator.Tracked tracked) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", tracked.number());
        view.put("carrier", tracked.carrier());
        view.put("registered", tracked.registered());
        view.put("status", tracked.status());
        view.put("subStatus", tracked.subStatus());
        view.put("updatedAt", tracked.updatedAt().toString());
        return view;
    }
}

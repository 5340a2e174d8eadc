package com.returnsgateway.sandbox.fourpx;

import com.returnsgateway.sandbox.Faults;
import com.returnsgateway.sandbox.SandboxEnabled;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 4PX's open platform router ({@code POST /sandbox/4px/router/api/service}, configured as base-url
 * {@code .../sandbox/4px}) and the simulator's control endpoints, which answer sandbox JSON, not 4PX's envelope.
 */
@RestController
@RequestMapping("/sandbox/4px")
@SandboxEnabled
public class FourPxSimulatorController {

    private final FourPxSimulator simulator;
    private final Faults faults;

    public FourPxSimulatorController(FourPxSimulator simulator, Faults faults) {
        this.simulator = simulator;
        this.faults = faults;
    }

    /**
     * The router. Mapped for every method so that a wrong one, or a body that is not JSON, is answered here in 4PX's
     * envelope ({@link FourPxSimulatorExceptionHandler}); 4PX answers its own errors with HTTP 200.
     */
    @RequestMapping("/router/api/service")
    public ObjectNode router(HttpServletRequest request, @RequestParam Map<String, String> parameters,
                             @RequestBody(required = false) byte[] body)
            throws HttpRequestMethodNotSupportedException, HttpMediaTypeNotSupportedException {
        if (!"POST".equals(request.getMethod())) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("POST"));
        }
        String contentType = request.getContentType();
        if (contentType == null || !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw new HttpMediaTypeNotSupportedException(contentType == null ? null
                    : MediaType.parseMediaType(contentType), List.of(MediaType.APPLICATION_JSON), null);
        }
        faults.apply();
        return simulator.serve(parameters, body);
    }

    /**
     * Control: the next router call answers this 4PX error code (system or business), once; with {@code ?waybill=},
     * the next call whose body names that order or tracking number.
     */
    @PutMapping("/next-error")
    public Map<String, Object> nextError(@RequestParam("code") String code,
                                         @RequestParam(name = "waybill", required = false) String waybill) {
        simulator.failNextCall(code, waybill);
        return Map.of("nextError", code, "waybill", waybill == null ? "any" : waybill);
    }

    /** Inspection: the holds asked for. */
    @GetMapping("/holds")
    public ArrayNode holds() {
        return simulator.holds();
    }

    /** Inspection: the returns forecast to the GRS return warehouse (RMAs), oldest first. */
    @GetMapping("/rmas")
    public ArrayNode rmas() {
        return simulator.rmas();
    }

    /** Control: an RMA's status, e.g. {@code {"status": "RECEIVER_COMPLETE"}}: the return warehouse has the parcel. */
    @PutMapping("/rmas/{rmaNo}")
    public ObjectNode rma(@PathVariable String rmaNo, @RequestBody Map<String, String> body) {
        return simulator.setRmaStatus(rmaNo, body.get("status"));
    }

    /** Control: forget holds, RMAs, an injected error and the rate window. */
    @DeleteMapping
    public Map<String, Object> reset() {
        simulator.reset();
        return Map.of("reset", true);
    }
}

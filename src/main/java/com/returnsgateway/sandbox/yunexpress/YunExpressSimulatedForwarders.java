package com.returnsgateway.sandbox.yunexpress;

import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SimulatedForwarders;
import java.util.List;
import org.springframework.stereotype.Component;

/** The two YunExpress APIs the sandbox simulates, for {@code GET /sandbox}. */
@Component
@SandboxEnabled
public class YunExpressSimulatedForwarders implements SimulatedForwarders {

    @Override
    public List<Simulated> simulated(String sandboxBaseUrl) {
        return List.of(
                new Simulated(YunExpressSimulatorProperties.OMS_FORWARDER, "yunexpress",
                        sandboxBaseUrl + "/sandbox/yunexpress/oms/api"),
                new Simulated(YunExpressSimulatorProperties.OPENAPI_FORWARDER, "yunexpress-openapi",
                        sandboxBaseUrl + YunExpressOpenApiSimulator.BASE));
    }
}

package com.returnsgateway.sandbox.yunexpress;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The YunExpress simulators ({@code sandbox.yunexpress.*}). The credentials are the simulators' own, published with
 * the sandbox: not secrets.
 *
 * @param callsPerSecond    calls each API (OMS, OpenAPI) takes per second; beyond it the OMS answers Code 10000 and
 *                          the OpenAPI 429
 * @param trackResultShape  {@code object} or {@code list}: the two shapes of the OpenAPI's track {@code result} seen
 */
@ConfigurationProperties("sandbox.yunexpress")
public record YunExpressSimulatorProperties(@DefaultValue("10") int callsPerSecond,
                                            @DefaultValue("SBXYT0001") String customerCode,
                                            @DefaultValue("sandbox-oms-api-secret") String apiSecret,
                                            @DefaultValue("sandbox-yunexpress-app") String appId,
                                            @DefaultValue("sandbox-openapi-app-secret") String appSecret,
                                            @DefaultValue("2h") Duration tokenLifetime,
                                            @DefaultValue("object") String trackResultShape) {

    /** The forwarder codes (sandbox.forwarders) whose parcels the two APIs serve. */
    public static final String OMS_FORWARDER = "yunexpress";
    public static final String OPENAPI_FORWARDER = "yunexpress-open";

    @Override
    public String toString() {
        return "YunExpressSimulatorProperties[callsPerSecond " + callsPerSecond + "]";
    }
}

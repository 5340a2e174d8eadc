package com.returnsgateway.core.port;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The adapter of each configured forwarder, by its {@code type:}; a type no adapter speaks stops the start-up. */
@Component
public class Forwarders {

    private final AdapterIndex<ForwarderPort> adapters;
    private final GatewayProperties properties;

    public Forwarders(List<ForwarderPort> adapters, GatewayProperties properties) {
        Map<String, String> types = new TreeMap<>();
        properties.forwarders().forEach((code, forwarder) -> types.put(code, forwarder.type()));
        this.adapters = new AdapterIndex<>("forwarders", adapters, ForwarderPort::type, types);
        this.properties = properties;
    }

    /** The adapter of a configured forwarder. */
    public ForwarderPort of(String forwarder) {
        GatewayProperties.Forwarder config = properties.forwarders().get(forwarder);
        if (config == null) {
            throw new IllegalStateException("forwarder " + forwarder + " is not configured (gateway.forwarders."
                    + forwarder + ")");
        }
        return adapters.get(config.type());
    }

    public boolean isConfigured(String forwarder) {
        return properties.forwarders().containsKey(forwarder);
    }
}

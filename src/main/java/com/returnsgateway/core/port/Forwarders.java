package com.returnsgateway.core.port;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The adapter of each configured forwarder, by its {@code type:}; a type no adapter speaks stops the start-up. */
@Component
public class Forwarders {

    private final Map<String, ForwarderPort> byType;
    private final GatewayProperties properties;

    public Forwarders(List<ForwarderPort> adapters, GatewayProperties properties) {
        this.byType = adapters.stream().collect(Collectors.toMap(ForwarderPort::type, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two forwarder adapters for type " + a.type());
                }, TreeMap::new));
        this.properties = properties;
        List<String> unknown = properties.forwarders().entrySet().stream()
                .filter(e -> !byType.containsKey(e.getValue().type()))
                .map(e -> "gateway.forwarders." + e.getKey() + ".type: '" + e.getValue().type() + "'")
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("No adapter speaks " + String.join(", ", unknown)
                    + "; the forwarder types this gateway speaks are " + byType.keySet());
        }
    }

    /** The adapter of a configured forwarder. */
    public ForwarderPort of(String forwarder) {
        GatewayProperties.Forwarder config = properties.forwarders().get(forwarder);
        if (config == null) {
            throw new IllegalStateException("forwarder " + forwarder + " is not configured (gateway.forwarders."
                    + forwarder + ")");
        }
        return byType.get(config.type());
    }

    public boolean isConfigured(String forwarder) {
        return properties.forwarders().containsKey(forwarder);
    }
}

package com.returnsgateway.core.port;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The adapter of each configured marketplace, by its {@code type:}; a type no adapter speaks stops the start-up. */
@Component
public class Marketplaces {

    private final AdapterIndex<MarketplacePort> adapters;
    private final GatewayProperties properties;

    public Marketplaces(List<MarketplacePort> adapters, GatewayProperties properties) {
        Map<String, String> types = new TreeMap<>();
        properties.marketplaces().forEach((code, marketplace) -> types.put(code, marketplace.type()));
        this.adapters = new AdapterIndex<>("marketplaces", adapters, MarketplacePort::type, types);
        this.properties = properties;
    }

    /** The adapter of a configured marketplace. */
    public MarketplacePort of(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        if (config == null) {
            throw new IllegalStateException("marketplace " + marketplace + " is not configured");
        }
        return adapters.get(config.type());
    }

    /** The adapter of a marketplace, if it is still configured (cases outlive configuration changes). */
    public Optional<MarketplacePort> find(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        return config == null ? Optional.empty() : Optional.ofNullable(adapters.get(config.type()));
    }
}

package com.returnsgateway.core.port;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The adapter of each configured marketplace, by its {@code type:}; a type no adapter speaks stops the start-up. */
@Component
public class Marketplaces {

    private final Map<String, MarketplacePort> byType;
    private final GatewayProperties properties;

    public Marketplaces(List<MarketplacePort> adapters, GatewayProperties properties) {
        this.byType = adapters.stream().collect(Collectors.toMap(MarketplacePort::type, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two marketplace adapters for type " + a.type());
                }, TreeMap::new));
        this.properties = properties;
        List<String> unknown = properties.marketplaces().entrySet().stream()
                .filter(e -> !byType.containsKey(typeOf(e.getValue())))
                .map(e -> "gateway.marketplaces." + e.getKey() + ".type: '" + e.getValue().type() + "'")
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("No adapter speaks " + String.join(", ", unknown)
                    + "; the marketplace types this gateway speaks are " + byType.keySet());
        }
    }

    /** The adapter of a configured marketplace. */
    public MarketplacePort of(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        if (config == null) {
            throw new IllegalStateException("marketplace " + marketplace + " is not configured");
        }
        return byType.get(typeOf(config));
    }

    /** The adapter of a marketplace, if it is still configured (cases outlive configuration changes). */
    public Optional<MarketplacePort> find(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        return config == null ? Optional.empty() : Optional.ofNullable(byType.get(typeOf(config)));
    }

    private static String typeOf(GatewayProperties.Marketplace marketplace) {
        return marketplace.type().strip().toLowerCase(Locale.ROOT);
    }
}

package com.returnsgateway.core.port;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The adapters of one port by the {@code type:} each speaks. Two adapters for one type, or a configured account of a
 * type no adapter speaks, stop the start-up naming the setting.
 */
final class AdapterIndex<P> {

    private final Map<String, P> byType = new TreeMap<>();

    /**
     * @param kind            what the accounts are, as in their settings ("forwarders", "marketplaces")
     * @param configuredTypes the {@code type:} of each configured account, by its code
     */
    AdapterIndex(String kind, List<P> adapters, Function<P, String> typeOf, Map<String, String> configuredTypes) {
        for (P adapter : adapters) {
            if (byType.putIfAbsent(typeOf.apply(adapter), adapter) != null) {
                throw new IllegalStateException("two " + kind + " adapters for type " + typeOf.apply(adapter));
            }
        }
        List<String> unknown = configuredTypes.entrySet().stream()
                .filter(e -> !byType.containsKey(e.getValue()))
                .map(e -> "gateway." + kind + "." + e.getKey() + ".type: '" + e.getValue() + "'")
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("No adapter speaks " + String.join(", ", unknown) + "; the " + kind
                    + " types this gateway speaks are " + byType.keySet());
        }
    }

    P get(String type) {
        return byType.get(type);
    }
}

package com.returnsgateway.core.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link GatewayProperties} for plain unit tests, built without Spring: the records' own defaults, plus what
 * config/application.yaml sets (16 workers, returnless thresholds, the 4px and generic status profiles).
 */
public final class TestGatewayProperties {

    /** gateway.status-profiles.4px; the YAML keys "[FPX_D_SD]" and "[FPX_D_FD]" bind without the brackets. */
    public static final Map<String, String> PROFILE_4PX = ordered(
            "P", "AWAITING_DISPATCH",
            "H", "AWAITING_DISPATCH",
            "V", "IN_TRANSIT",
            "C", "IN_TRANSIT",
            "FPX_D_SD", "OUT_FOR_DELIVERY",
            "FPX_D_FD", "DELIVERY_FAILED",
            "F", "DELIVERED",
            "R", "RETURNING_TO_SENDER",
            "X", "CANCELLED");

    /** gateway.status-profiles.generic */
    public static final Map<String, String> PROFILE_GENERIC = ordered(
            "Pending", "AWAITING_DISPATCH",
            "InfoReceived", "AWAITING_DISPATCH",
            "InTransit", "IN_TRANSIT",
            "OutForDelivery", "OUT_FOR_DELIVERY",
            "AvailableForPickup", "OUT_FOR_DELIVERY",
            "AttemptFail", "DELIVERY_FAILED",
            "Delivered", "DELIVERED",
            "ReturnToSender", "RETURNING_TO_SENDER",
            "Lost", "LOST",
            "Cancelled", "CANCELLED",
            "Exception", "UNKNOWN");

    /** gateway.refunds.returnless-threshold */
    public static final Map<String, BigDecimal> RETURNLESS_THRESHOLDS = Map.of(
            "USD", new BigDecimal("15"),
            "EUR", new BigDecimal("12"),
            "GBP", new BigDecimal("12"),
            "JPY", new BigDecimal("2000"),
            "CNY", new BigDecimal("100"));

    private TestGatewayProperties() {
    }

    /** Marketplaces sandbox-us and sandbox-jp; forwarders 4px (profile 4px) and aftership (profile generic). */
    public static GatewayProperties standard() {
        return with(
                Map.of("4px", new GatewayProperties.Forwarder("http", "http://localhost:8080/sandbox/4px", "4px"),
                        "aftership", new GatewayProperties.Forwarder("http", "http://localhost:8080/sandbox/generic",
                                "generic")),
                Map.of("4px", PROFILE_4PX, "generic", PROFILE_GENERIC));
    }

    public static GatewayProperties with(Map<String, GatewayProperties.Forwarder> forwarders,
                                         Map<String, Map<String, String>> statusProfiles) {
        return build(Map.of("sandbox-us", new GatewayProperties.Marketplace(
                                "http://localhost:8080/sandbox/marketplace/us", "US", true),
                        "sandbox-jp", new GatewayProperties.Marketplace(
                                "http://localhost:8080/sandbox/marketplace/jp", "JP", true)),
                forwarders, statusProfiles);
    }

    /** Only these marketplaces, no forwarders; every other setting at its default. */
    public static GatewayProperties withMarketplaces(Map<String, GatewayProperties.Marketplace> marketplaces) {
        return build(marketplaces, Map.of(), Map.of());
    }

    private static GatewayProperties build(Map<String, GatewayProperties.Marketplace> marketplaces,
                                           Map<String, GatewayProperties.Forwarder> forwarders,
                                           Map<String, Map<String, String>> statusProfiles) {
        GatewayProperties defaults = GatewayProperties.defaults(GatewayProperties.class);
        return new GatewayProperties(
                16,
                defaults.instanceId(),
                defaults.dispatcher(),
                defaults.retry(),
                defaults.intake(),
                new GatewayProperties.Refunds(RETURNLESS_THRESHOLDS),
                defaults.operations(),
                defaults.mail(),
                defaults.consoleBaseUrl(),
                defaults.api(),
                defaults.labels(),
                defaults.returnAddresses(),
                defaults.embeddedDb(),
                defaults.sftp(),
                defaults.resilience(),
                marketplaces,
                forwarders,
                statusProfiles,
                defaults.backOffice(),
                defaults.shipmentLookup(),
                defaults.retention(),
                defaults.intercepts());
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}

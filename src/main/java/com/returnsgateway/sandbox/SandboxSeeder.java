package com.returnsgateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Loads {@code sandbox.seed.file} into the simulators at startup (before the web server and the gateway's routes
 * start), when {@code sandbox.seed.enabled}. The file: {@code {"parcels": [{"forwarder", "waybill", "status",
 * "interceptable"}], "returns": [<return objects>], "expected": {"<returnId>": "<CaseStatus>"}}}; the expected
 * outcomes are for tests and are not loaded.
 */
@Component
@SandboxEnabled
public class SandboxSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SandboxSeeder.class);

    private final SandboxProperties.Seed settings;
    private final MarketplaceSimulator marketplace;
    private final ForwarderSimulator forwarders;

    public SandboxSeeder(SandboxProperties properties, MarketplaceSimulator marketplace, ForwarderSimulator forwarders) {
        this.settings = properties.getSeed();
        this.marketplace = marketplace;
        this.forwarders = forwarders;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.isEnabled()) {
            seed();
        }
    }

    /** Loads the seed file; returns the number of returns loaded (0 when the file does not exist). */
    public int seed() {
        String location = settings.getFile();
        JsonNode root;
        try {
            if (location.startsWith("classpath:")) {
                Resource resource = new DefaultResourceLoader().getResource(location);
                if (!resource.exists()) {
                    log.warn("Sandbox seed {} not found; the simulators start empty", location);
                    return 0;
                }
                try (InputStream in = resource.getInputStream()) {
                    root = Json.MAPPER.readTree(in);
                }
            } else {
                Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
                if (!Files.isRegularFile(path)) {
                    log.warn("Sandbox seed {} not found (working directory {}); the simulators start empty",
                            location, Path.of("").toAbsolutePath());
                    return 0;
                }
                root = Json.MAPPER.readTree(path.toFile());
            }
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("Sandbox seed " + location + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return load(root);
        } catch (SandboxException e) {
            throw new IllegalStateException("Sandbox seed " + location + ": " + e.getMessage(), e);
        }
    }

    int load(JsonNode root) {
        int parcels = 0;
        JsonNode parcelList = root.path("parcels");
        for (int i = 0; i < parcelList.size(); i++) {
            JsonNode p = parcelList.get(i);
            try {
                forwarders.put(Json.requireText(p, "forwarder"), Json.requireText(p, "waybill"),
                        Json.requireText(p, "status"), Json.bool(p, "interceptable", true), Json.bool(p, "held", false));
            } catch (SandboxException e) {
                throw SandboxException.badRequest("parcels[" + i + "]: " + e.getMessage());
            }
            parcels++;
        }
        java.util.List<JsonNode> returns = new java.util.ArrayList<>();
        root.path("returns").forEach(returns::add);
        marketplace.storeAll(returns);
        log.info("Sandbox seed loaded: {} returns, {} parcels", returns.size(), parcels);
        return returns.size();
    }
}

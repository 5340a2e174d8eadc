package com.returnsgateway.sandbox.amazon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.ForwarderSimulator;
import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SandboxException;
import com.returnsgateway.sandbox.SandboxProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Loads {@code sandbox.amazon.seed-file} into the Amazon simulator at startup (with the other seeds, when
 * {@code sandbox.seed.enabled}), and resets it. The file: {@code {"sellers": [..], "orders": [{..order..,
 * "parcel": {"forwarder", "waybill", "status", "interceptable"}}], "returns": [..], "feedRejections": [{"orderId",
 * "code"?, "description"}], "expected": {"<Amazon RMA ID>": "<CaseStatus>"}}}. Order and return dates may be given
 * relative to load time ({@code purchasedAgo}, {@code requestedAgo}: {@code 3d}, {@code 45m}); parcels go to the
 * forwarder simulator; the expected outcomes are for tests and are not loaded.
 */
@Component
@SandboxEnabled
public class AmazonSimulatorSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AmazonSimulatorSeeder.class);

    private final boolean seedAtStartup;
    private final String location;
    private final SimulatedSellers sellers;
    private final SimulatedOrderBook orders;
    private final ReportsSimulator reports;
    private final FeedsSimulator feeds;
    private final LwaSimulator lwa;
    private final SimulatedRateLimits limits;
    private final ForwarderSimulator forwarders;
    private final UnknownOrderAnswer unknownOrder;
    private final Clock clock;

    public AmazonSimulatorSeeder(SandboxProperties sandbox, AmazonSimulatorProperties properties,
                                 SimulatedSellers sellers, SimulatedOrderBook orders, ReportsSimulator reports,
                                 FeedsSimulator feeds, LwaSimulator lwa, SimulatedRateLimits limits,
                                 ForwarderSimulator forwarders, UnknownOrderAnswer unknownOrder,
                                 ObjectProvider<Clock> clock) {
        this.seedAtStartup = properties.getSeedAtStartup() != null ? properties.getSeedAtStartup()
                : sandbox.getSeed().isEnabled();
        this.location = properties.getSeedFile();
        this.sellers = sellers;
        this.orders = orders;
        this.reports = reports;
        this.feeds = feeds;
        this.lwa = lwa;
        this.limits = limits;
        this.forwarders = forwarders;
        this.unknownOrder = unknownOrder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (seedAtStartup) {
            seed();
        }
    }

    /** Whether a reset reloads the seed unless told otherwise. */
    public boolean seedsByDefault() {
        return seedAtStartup;
    }

    /**
     * Forgets every seller, order, return, report, feed and test hook, zeroes the counters and refills the rate
     * limit buckets; reloads the seed when asked. Issued access tokens stay valid.
     */
    public void reset(boolean reseed) {
        feeds.clear();
        reports.clear();
        orders.clear();
        sellers.clear();
        limits.reset();
        lwa.resetCounters();
        unknownOrder.reset();
        if (reseed) {
            seed();
        }
    }

    /** Loads the seed file; returns the number of returns loaded (0 when no file is configured or found). */
    public int seed() {
        if (location == null || location.isBlank()) {
            return 0;
        }
        JsonNode root;
        try {
            if (location.startsWith("classpath:")) {
                Resource resource = new DefaultResourceLoader().getResource(location);
                if (!resource.exists()) {
                    log.warn("Amazon sandbox seed {} not found; the Amazon simulator starts empty", location);
                    return 0;
                }
                try (InputStream in = resource.getInputStream()) {
                    root = AmazonJson.MAPPER.readTree(in);
                }
            } else {
                Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
                if (!Files.isRegularFile(path)) {
                    log.warn("Amazon sandbox seed {} not found (working directory {}); the Amazon simulator starts "
                            + "empty", location, Path.of("").toAbsolutePath());
                    return 0;
                }
                root = AmazonJson.MAPPER.readTree(path.toFile());
            }
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("Amazon sandbox seed " + location + " is not valid JSON: "
                    + e.getMessage(), e);
        }
        try {
            return load(root);
        } catch (SpApiException e) {
            throw new IllegalStateException("Amazon sandbox seed " + location + ": " + e.getMessage(), e);
        }
    }

    int load(JsonNode root) {
        Instant now = clock.instant();
        JsonNode sellerList = root.path("sellers");
        for (int i = 0; i < sellerList.size(); i++) {
            try {
                sellers.put(SimulatedSeller.fromJson(sellerList.get(i)));
            } catch (SpApiException e) {
                throw SpApiException.invalidInput("sellers[" + i + "]: " + e.getMessage());
            }
        }
        JsonNode orderList = root.path("orders");
        for (int i = 0; i < orderList.size(); i++) {
            try {
                putOrder(orderList.get(i), now);
            } catch (SpApiException e) {
                throw SpApiException.invalidInput("orders[" + i + "]: " + e.getMessage());
            }
        }
        JsonNode returnList = root.path("returns");
        for (int i = 0; i < returnList.size(); i++) {
            try {
                orders.putReturn(returnList.get(i), now);
            } catch (SpApiException e) {
                throw SpApiException.invalidInput("returns[" + i + "]: " + e.getMessage());
            }
        }
        JsonNode rejections = root.path("feedRejections");
        for (int i = 0; i < rejections.size(); i++) {
            JsonNode r = rejections.get(i);
            try {
                feeds.rejectOrder(AmazonJson.requireText(r, "orderId"), rejection(r));
            } catch (SpApiException e) {
                throw SpApiException.invalidInput("feedRejections[" + i + "]: " + e.getMessage());
            }
        }
        log.info("Amazon sandbox seed loaded: {} sellers, {} orders, {} returns", sellerList.size(),
                orderList.size(), returnList.size());
        return returnList.size();
    }

    /** Adds an order (see {@link SimulatedOrder#fromJson}) and, when it names one, its parcel at the forwarder. */
    public SimulatedOrder putOrder(JsonNode body, Instant now) {
        SimulatedOrder order = SimulatedOrder.fromJson(body, now);
        JsonNode parcel = body.get("parcel");
        List<Runnable> afterwards = new ArrayList<>();
        if (parcel != null && !parcel.isNull()) {
            AmazonJson.requireObject(parcel, "parcel");
            String forwarder = AmazonJson.requireText(parcel, "forwarder");
            String waybill = AmazonJson.requireText(parcel, "waybill");
            String status = AmazonJson.requireText(parcel, "status");
            boolean interceptable = AmazonJson.bool(parcel, "interceptable", true);
            if (!forwarders.codes().contains(forwarder)) {
                throw SpApiException.invalidInput("parcel.forwarder " + forwarder + " is not a sandbox forwarder; "
                        + "known: " + forwarders.codes());
            }
            afterwards.add(() -> {
                try {
                    forwarders.put(forwarder, waybill, status, interceptable, false);
                } catch (SandboxException e) {
                    throw SpApiException.invalidInput("parcel: " + e.getMessage());
                }
            });
        }
        orders.putOrder(order);
        afterwards.forEach(Runnable::run);
        return order;
    }

    public SimulatedOrder putOrder(JsonNode body) {
        return putOrder(body, clock.instant());
    }

    static FeedsSimulator.Rejection rejection(JsonNode body) {
        String code = body == null ? null : AmazonJson.text(body, "code");
        String description = body == null ? null : AmazonJson.text(body, "description");
        return new FeedsSimulator.Rejection(code == null ? FeedsSimulator.CODE_REJECTED_ORDER : code,
                description == null ? "Adjustments for this order are blocked (sandbox test hook)." : description);
    }
}

package com.returnsgateway.sandbox.seventeentrack;

import com.returnsgateway.sandbox.SandboxEnabled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the seed file's {@code tracking} list ({@code [{number, carrier, status, subStatus}]}) into the 17TRACK
 * simulator: last-mile numbers whose status 17TRACK knows once the gateway registers them.
 */
@Component
@SandboxEnabled
public class SeventeenTrackSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SeventeenTrackSeeder.class);
    /** The carrier names the seed may use, as 17TRACK's keys (REFERENCE "17TRACK API v2.2"). */
    private static final Map<String, Integer> CARRIERS = Map.of("dhl", 100001, "usps", 21051,
            "ups", 100002, "fedex", 100003, "yanwen", 190012);

    private final SeventeenTrackSimulator simulator;
    private final boolean enabled;
    private final String file;

    public SeventeenTrackSeeder(SeventeenTrackSimulator simulator,
                                @Value("${sandbox.seed.enabled:true}") boolean enabled,
                                @Value("${sandbox.seed.file:config/sandbox/seed.json}") String file) {
        this.simulator = simulator;
        this.enabled = enabled;
        this.file = file;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Path path = Path.of(file.startsWith("file:") ? file.substring(5) : file);
        if (!enabled || !Files.isRegularFile(path)) {
            return;
        }
        JsonNode tracking = JsonMapper.builder().build().readTree(path.toFile()).path("tracking");
        for (JsonNode entry : tracking) {
            String number = entry.path("number").asString("").strip();
            String status = entry.path("status").asString("").strip();
            if (number.isEmpty() || status.isEmpty()) {
                throw new IllegalStateException("Sandbox seed " + file + ": every tracking entry needs number and "
                        + "status");
            }
            String subStatus = entry.path("subStatus").asString("").strip();
            simulator.seed(number, CARRIERS.get(entry.path("carrier").asString("").strip().toLowerCase(Locale.ROOT)), status,
                    subStatus.isEmpty() ? null : subStatus);
        }
        if (!tracking.isEmpty()) {
            log.info("Sandbox seed loaded: {} last-mile numbers into the 17TRACK simulator", tracking.size());
        }
    }
}

package com.returnsgateway.core.shipment;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.ShipmentState;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Translates a forwarder's own status code into a {@link ShipmentState} through the forwarder's status profile
 * ({@code gateway.status-profiles.<profile>}): the code itself, in any case, or the longest key ending in {@code *} that
 * it starts with ({@code "[FPX_S_OK*]"} for 4PX's delivered codes). A code the profile does not know is UNKNOWN: a
 * person looks at it.
 */
@Component
public class ShipmentStateMapper {

    private final GatewayProperties properties;

    public ShipmentStateMapper(GatewayProperties properties) {
        this.properties = properties;
    }

    public ShipmentState map(String forwarder, String code) {
        if (code == null || code.isBlank()) {
            return ShipmentState.UNKNOWN;
        }
        return map(profileOf(forwarder), code);
    }

    /** A tracking service's code through its own status profile (say, {@code 17track}). */
    public ShipmentState mapWithProfile(String profileName, String code) {
        Map<String, String> profile = properties.statusProfiles().get(profileName);
        if (profile == null) {
            throw new IllegalStateException("status profile '" + profileName
                    + "' is not defined in gateway.status-profiles");
        }
        return code == null || code.isBlank() ? ShipmentState.UNKNOWN : map(profile, code);
    }

    private static ShipmentState map(Map<String, String> profile, String code) {
        String state = profile.get(code);
        if (state == null) {
            state = profile.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(code.trim()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (state == null) {
            state = longestPrefixMatch(profile, code.trim().toUpperCase(Locale.ROOT));
        }
        return state == null ? ShipmentState.UNKNOWN : ShipmentState.valueOf(state.trim().toUpperCase(Locale.ROOT));
    }

    /** A key ending in {@code *} stands for every code that starts with what comes before it; the longest wins. */
    private static String longestPrefixMatch(Map<String, String> profile, String code) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> entry : profile.entrySet()) {
            String key = entry.getKey();
            if (key.endsWith("*")) {
                String prefix = key.substring(0, key.length() - 1).toUpperCase(Locale.ROOT);
                if (code.startsWith(prefix) && prefix.length() > bestLength) {
                    best = entry.getValue();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    private Map<String, String> profileOf(String forwarder) {
        GatewayProperties.Forwarder config = properties.forwarders().get(forwarder);
        if (config == null) {
            throw new IllegalArgumentException("unknown forwarder " + forwarder);
        }
        if (config.statusProfile() == null || config.statusProfile().isBlank()) {
            // Map.copyOf maps throw NullPointerException on get(null)
            throw new IllegalStateException("forwarder " + forwarder
                    + " names no status profile; set gateway.forwarders." + forwarder + ".status-profile");
        }
        Map<String, String> profile = properties.statusProfiles().get(config.statusProfile());
        if (profile == null) {
            throw new IllegalStateException("forwarder " + forwarder + " names status profile '"
                    + config.statusProfile() + "', which gateway.status-profiles does not define");
        }
        return profile;
    }
}

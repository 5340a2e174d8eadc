package com.returnsgateway.adapter.seventeentrack;

import java.util.Locale;
import java.util.Map;

/**
 * A carrier as a shipment names it, as 17TRACK's numeric carrier key (REFERENCE "17TRACK API v2.2"). A name not
 * listed is left out of the registration, so 17TRACK detects the carrier itself.
 */
final class Carriers {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("4px", "190094"),
            Map.entry("yunexpress", "190008"),
            Map.entry("yanwen", "190012"),
            Map.entry("cainiao", "190271"),
            Map.entry("chinapost", "3011"),
            Map.entry("usps", "21051"),
            Map.entry("dhl", "100001"),
            Map.entry("ups", "100002"),
            Map.entry("fedex", "100003"));

    private Carriers() {
    }

    /** 17TRACK's key for the carrier, or null: auto-detect. */
    static String key(String carrier) {
        if (carrier == null || carrier.isBlank()) {
            return null;
        }
        String name = carrier.strip();
        if (name.chars().allMatch(Character::isDigit) && name.length() <= 9) {
            return name; // already 17TRACK's own key
        }
        return KEYS.get(name.toLowerCase(Locale.ROOT).replaceAll("[\\s_.-]+", ""));
    }
}

package com.returnsgateway.core.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.Address;

/**
 * The address a buyer sends a return to, chosen by the buyer's country: {@code gateway.return-addresses.<COUNTRY>.*}
 * (ISO 3166-1 alpha-2 keys) plus {@code gateway.return-addresses.default} for every other country.
 */
@Component
public class ReturnAddressBook {

    static final String DEFAULT_KEY = "default";
    private static final String PREFIX = "gateway.return-addresses.";

    private final Map<String, Address> byCountry = new HashMap<>();
    private final Address fallback;

    public ReturnAddressBook(GatewayProperties properties) {
        Address configuredDefault = null;
        for (Map.Entry<String, Address> entry : properties.returnAddresses().entrySet()) {
            String key = entry.getKey().strip();
            requireComplete(key, entry.getValue());
            if (key.equalsIgnoreCase(DEFAULT_KEY)) {
                configuredDefault = entry.getValue();
            } else {
                // environment variables bind keys in lower case: GATEWAY_RETURNADDRESSES_US_CITY gives "us"
                byCountry.put(key.toUpperCase(Locale.ROOT), entry.getValue());
            }
        }
        this.fallback = configuredDefault;
    }

    /**
     * The return address for buyers in {@code countryCode} (ISO 3166-1 alpha-2, any case), or the default one.
     *
     * @throws IllegalStateException when neither the country nor a default is configured
     */
    public Address forCountry(String countryCode) {
        if (countryCode != null) {
            Address address = byCountry.get(countryCode.strip().toUpperCase(Locale.ROOT));
            if (address != null) {
                return address;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no return address for country '" + countryCode + "': configure "
                    + PREFIX + (countryCode == null ? "<COUNTRY>" : countryCode.strip().toUpperCase(Locale.ROOT))
                    + ".* or " + PREFIX + DEFAULT_KEY + ".*");
        }
        return fallback;
    }

    /** A label with half an address sends parcels nowhere: refuse to start instead. */
    private static void requireComplete(String key, Address address) {
        List<String> missing = new ArrayList<>();
        if (address == null) {
            missing.add("name");
        } else {
            addIfBlank(missing, "name", address.name());
            addIfBlank(missing, "line1", address.line1());
            addIfBlank(missing, "city", address.city());
            addIfBlank(missing, "country", address.country());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("return address " + PREFIX + key + " is incomplete, missing: "
                    + String.join(", ", missing.stream().map(field -> PREFIX + key + "." + field).toList()));
        }
    }

    private static void addIfBlank(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}

package com.returnsgateway.core.label;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.returnsgateway.core.model.Address;

/**
 * Where returned parcels go, per buyer country: {@code gateway.return-addresses.<COUNTRY>.*} (ISO 3166-1
 * alpha-2 keys) plus {@code gateway.return-addresses.default} for every other country.
 */
@ConfigurationProperties("gateway")
public record ReturnAddressProperties(Map<String, Address> returnAddresses) {

    public ReturnAddressProperties {
        returnAddresses = returnAddresses == null ? Map.of() : Map.copyOf(returnAddresses);
    }
}

package com.returnsgateway.sandbox.amazon;

import java.util.Set;

/**
 * Who made a Selling Partner API call: the seller the token was issued for, and (for a restricted data token) the
 * data elements it grants on the called path; empty for a plain access token.
 */
public record SpCaller(String sellerId, boolean restricted, Set<String> dataElements) {

    public SpCaller {
        dataElements = Set.copyOf(dataElements);
    }

    public boolean grants(String dataElement) {
        return dataElements.contains(dataElement);
    }
}

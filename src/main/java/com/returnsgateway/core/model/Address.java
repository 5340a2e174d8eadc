package com.returnsgateway.core.model;

import org.jspecify.annotations.Nullable;

/** A postal address; country is an ISO 3166-1 alpha-2 code. */
public record Address(@Nullable String name, String line1, @Nullable String line2, String city,
                      @Nullable String region, @Nullable String postalCode, String country,
                      @Nullable String phone) {
}

package com.returnsgateway.adapter.yanwen;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Yanwen account, under {@code gateway.forwarders.<code>.yanwen.*}; the forwarder's {@code base-url} is Yanwen's
 * tracking host ({@code http://trackapi.yanwentech.com}).
 *
 * @param customerNumber the account's customer number, which Yanwen takes as the whole Authorization header: a secret,
 *                       from the environment or a configtree file
 */
public record YanwenSettings(@DefaultValue("") String customerNumber) {

    /** The protocol's {@code type:}. */
    public static final String TYPE = "yanwen";

    @Override
    public String toString() {
        return "YanwenSettings[customerNumber " + (customerNumber.isBlank() ? "empty" : "set") + "]";
    }
}

package com.returnsgateway.adapter.amazon;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The Amazon seller accounts: the marketplaces of {@code type: amazon}. */
@Component
public class AmazonAccounts {

    /** The marketplace {@code type:} of an Amazon seller account. */
    public static final String TYPE = "amazon";

    private final GatewayProperties properties;

    public AmazonAccounts(GatewayProperties properties) {
        this.properties = properties;
    }

    /** The accounts polled for returns, in a stable order. */
    public List<String> polled() {
        return properties.marketplaces().entrySet().stream()
                .filter(e -> TYPE.equalsIgnoreCase(e.getValue().type()) && e.getValue().poll())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}

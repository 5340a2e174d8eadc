package com.returnsgateway.core.returns;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When each marketplace refunds a return: {@code gateway.marketplaces.<code>.refund-moment} is first-scan, delivered
 * or received (the default, for Amazon accounts too). Bound here rather than in GatewayProperties' records so the
 * setting stays next to what reads it; a value that is none of the three stops the start-up naming the setting.
 */
@Component
public class RefundMoments {

    static final String KEY = "refund-moment";

    private final Map<String, RefundMoment> byMarketplace = new TreeMap<>();

    public RefundMoments(Environment environment) {
        Binder.get(environment).bind("gateway.marketplaces", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of())
                .keySet()
                .forEach(code -> {
                    String setting = "gateway.marketplaces." + code + "." + KEY;
                    String value = environment.getProperty(setting);
                    if (value == null || value.isBlank()) {
                        return;
                    }
                    byMarketplace.put(code, RefundMoment.ofSetting(value).orElseThrow(() -> new IllegalStateException(
                            setting + ": '" + value + "' is not a refund moment; use one of "
                                    + Arrays.stream(RefundMoment.values()).map(RefundMoment::setting).toList())));
                });
    }

    /** The marketplace's refund moment; received when not set. */
    public RefundMoment of(String marketplace) {
        return byMarketplace.getOrDefault(marketplace, RefundMoment.RECEIVED);
    }
}

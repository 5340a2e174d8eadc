package com.returnsgateway.adapter.yanwen;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The forwarders of type yanwen and their settings, bound from {@code gateway.forwarders.<code>.yanwen.*}. A Yanwen
 * forwarder without a customer number stops the start-up, naming the setting.
 */
@Component
class YanwenAccounts {

    private final Map<String, YanwenSettings> settings = new TreeMap<>();

    YanwenAccounts(Environment environment) {
        bind(environment).forEach((code, yanwen) -> {
            String number = yanwen.customerNumber();
            if (number.isBlank()) {
                throw new IllegalStateException("gateway.forwarders." + code + ".yanwen.customer-number is empty: "
                        + "forwarder " + code + " (type yanwen) needs it, from the environment or a configtree secret");
            }
            if (number.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalStateException("gateway.forwarders." + code
                        + ".yanwen.customer-number contains a line break");
            }
            settings.put(code, yanwen);
        });
    }

    static Map<String, YanwenSettings> bind(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, YanwenSettings> bound = new TreeMap<>();
        binder.bind("gateway.forwarders", Bindable.mapOf(String.class, GatewayProperties.Forwarder.class))
                .orElse(Map.of())
                .forEach((code, forwarder) -> {
                    if (YanwenSettings.TYPE.equals(forwarder.type())) {
                        bound.put(code, binder.bindOrCreate("gateway.forwarders." + code + ".yanwen",
                                YanwenSettings.class));
                    }
                });
        return bound;
    }

    /** The customer number of a configured Yanwen forwarder. */
    String customerNumber(String forwarder) {
        YanwenSettings yanwen = settings.get(forwarder);
        if (yanwen == null) {
            throw new IllegalStateException(forwarder + " is not a Yanwen forwarder (gateway.forwarders." + forwarder
                    + ".type: yanwen)");
        }
        return yanwen.customerNumber().strip();
    }
}

package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The YunExpress forwarders and their own settings, bound from {@code gateway.forwarders.<code>.<type>.*}. A forwarder
 * without its credentials stops the start-up, naming the setting (production lists it with every other problem first).
 */
@Component
public class YunExpressAccounts {

    private final Map<String, OmsSettings> oms;
    private final Map<String, OpenApiSettings> openApi;

    @Autowired
    public YunExpressAccounts(Environment environment) {
        this(oms(environment), openApi(environment));
        List<String> problems = credentialProblems(oms, openApi);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    YunExpressAccounts(Map<String, OmsSettings> oms, Map<String, OpenApiSettings> openApi) {
        this.oms = Map.copyOf(oms);
        this.openApi = Map.copyOf(openApi);
    }

    /** Every forwarder of type yunexpress, bound from the environment (also before any bean exists). */
    static Map<String, OmsSettings> oms(Environment environment) {
        return bind(environment, OmsSettings.TYPE, OmsSettings.class);
    }

    static Map<String, OpenApiSettings> openApi(Environment environment) {
        return bind(environment, OpenApiSettings.TYPE, OpenApiSettings.class);
    }

    private static <T> Map<String, T> bind(Environment environment, String type, Class<T> settings) {
        Binder binder = Binder.get(environment);
        Map<String, T> bound = new TreeMap<>();
        forwarders(binder).forEach((code, forwarder) -> {
            if (type.equals(forwarder.type())) {
                bound.put(code, binder.bindOrCreate("gateway.forwarders." + code + "." + type, settings));
            }
        });
        return bound;
    }

    static Map<String, GatewayProperties.Forwarder> forwarders(Binder binder) {
        return binder.bind("gateway.forwarders", Bindable.mapOf(String.class, GatewayProperties.Forwarder.class))
                .orElse(Map.of());
    }

    static List<String> credentialProblems(Map<String, OmsSettings> oms, Map<String, OpenApiSettings> openApi) {
        List<String> problems = new ArrayList<>();
        oms.forEach((code, s) -> {
            if (!s.complete()) {
                problems.add("YunExpress forwarder " + code + " needs gateway.forwarders." + code
                        + ".yunexpress.customer-code and .api-secret (from the environment or a configtree secret file)");
            }
        });
        openApi.forEach((code, s) -> {
            if (!s.complete()) {
                problems.add("YunExpress OpenAPI forwarder " + code + " needs gateway.forwarders." + code
                        + ".yunexpress-openapi.app-id and .app-secret (from the environment or a configtree secret file)");
            }
        });
        return problems;
    }

    OmsSettings oms(String forwarder) {
        OmsSettings settings = oms.get(forwarder);
        if (settings == null) {
            throw new IllegalStateException("forwarder " + forwarder + " is not of type " + OmsSettings.TYPE);
        }
        return settings;
    }

    OpenApiSettings openApi(String forwarder) {
        OpenApiSettings settings = openApi.get(forwarder);
        if (settings == null) {
            throw new IllegalStateException("forwarder " + forwarder + " is not of type " + OpenApiSettings.TYPE);
        }
        return settings;
    }
}

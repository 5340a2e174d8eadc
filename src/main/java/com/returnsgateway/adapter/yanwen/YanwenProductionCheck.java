package com.returnsgateway.adapter.yanwen;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production a Yanwen forwarder's tracking calls go over https://, or over the http:// host Yanwen publishes when
 * its {@code yanwen.allow-plain-http} says the operator accepts the customer number crossing the network readable.
 */
@Component
public class YanwenProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        Map<String, GatewayProperties.Forwarder> forwarders = Binder.get(environment)
                .bind("gateway.forwarders", Bindable.mapOf(String.class, GatewayProperties.Forwarder.class))
                .orElse(Map.of());
        List<String> problems = new ArrayList<>();
        YanwenAccounts.bind(environment).forEach((code, settings) -> {
            String url = forwarders.get(code).baseUrl();
            if (url == null || url.isBlank()) {
                problems.add("gateway.forwarders." + code + ".base-url is not set (Yanwen: http://trackapi.yanwentech.com)");
            } else if (!url.strip().toLowerCase(Locale.ROOT).startsWith("https://") && !settings.allowPlainHttp()) {
                problems.add("gateway.forwarders." + code + ".base-url is "
                        + url.strip().replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1")
                        + ": Yanwen's tracking API is published on http:// only; set gateway.forwarders." + code
                        + ".yanwen.allow-plain-http true to accept its customer number crossing the network "
                        + "readable, or use https://");
            }
        });
        return problems;
    }
}

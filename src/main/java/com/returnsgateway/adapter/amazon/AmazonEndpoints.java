package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.RemoteEndpoints;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Each Amazon account's SP-API and LWA endpoints, Amazon's own unless set: the sandbox must not call them. */
@Component
public class AmazonEndpoints implements RemoteEndpoints {

    @Override
    public Map<String, String> endpoints(Environment environment) {
        GatewayProperties properties = Binder.get(environment).bindOrCreate("gateway", GatewayProperties.class);
        Map<String, String> endpoints = new LinkedHashMap<>();
        AmazonAccounts.settings(properties, environment).forEach((code, account) -> {
            String prefix = "gateway.marketplaces." + code + ".amazon.";
            endpoints.put(prefix + "endpoint", account.apiUrl(""));
            endpoints.put(prefix + "lwa-endpoint", account.lwaEndpoint());
        });
        return endpoints;
    }
}

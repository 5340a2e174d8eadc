package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production, Amazon accounts must have their credentials and talk to Amazon over HTTPS, document URLs included.
 */
@Component
public class AmazonProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        Binder binder = Binder.get(environment);
        Map<String, GatewayProperties.Marketplace> marketplaces = binder
                .bind("gateway.marketplaces", Bindable.mapOf(String.class, GatewayProperties.Marketplace.class))
                .orElse(Map.of());
        marketplaces.forEach((code, marketplace) -> {
            if (!AmazonAccounts.TYPE.equals(marketplace.type())) {
                return;
            }
            String prefix = "gateway.marketplaces." + code + ".amazon.";
            AmazonAccount amazon = binder.bindOrCreate(prefix.substring(0, prefix.length() - 1), AmazonAccount.class);
            Map<String, String> required = new LinkedHashMap<>();
            required.put("client-id", amazon.clientId());
            required.put("client-secret", amazon.clientSecret());
            required.put("refresh-token", amazon.refreshToken());
            required.put("seller-id", amazon.sellerId());
            required.forEach((name, value) -> {
                if (value == null || value.isBlank()) {
                    problems.add(prefix + name + " is empty: set it from the environment or a configtree secret file");
                }
            });
            if (amazon.marketplaceIds().isEmpty()) {
                problems.add(prefix + "marketplace-ids is empty: name the Amazon marketplaces of this account");
            }
            for (String url : List.of(amazon.apiUrl(""), amazon.lwaEndpoint())) {
                if (!url.startsWith("https://")) {
                    problems.add("Amazon account " + code + " would send its credentials over plain HTTP to " + url);
                }
            }
        });
        // plain http for pre-signed document URLs is for the sandbox's simulator only
        binder.bind("gateway.amazon-api.document-hosts", Bindable.listOf(String.class)).orElse(List.of()).stream()
                .filter(host -> host.strip().toLowerCase(java.util.Locale.ROOT).startsWith("http://"))
                .forEach(host -> problems.add("gateway.amazon-api.document-hosts allows plain http to " + host
                        + ": Amazon's document URLs are https; remove it"));
        return problems;
    }
}

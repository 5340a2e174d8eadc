package com.returnsgateway.adapter.amazon.api;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The Amazon seller accounts: the marketplaces of {@code type: amazon}, each with its settings bound from
 * {@code gateway.marketplaces.<code>.amazon.*}.
 */
@Component
public class AmazonAccounts {

    /** The marketplace {@code type:} of an Amazon seller account. */
    public static final String TYPE = "amazon";

    private final Map<String, AmazonAccount> accounts = new TreeMap<>();
    private final List<String> polled;

    @Autowired
    public AmazonAccounts(GatewayProperties properties, Environment environment) {
        this(properties, settings(properties, environment));
    }

    /** Accounts with their settings at hand (tests). */
    public AmazonAccounts(GatewayProperties properties, Map<String, AmazonAccount> settings) {
        accounts.putAll(settings);
        polled = properties.marketplaces().entrySet().stream()
                .filter(e -> TYPE.equals(e.getValue().type()) && e.getValue().poll())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The settings of every configured Amazon account, by marketplace code. */
    public static Map<String, AmazonAccount> settings(GatewayProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, AmazonAccount> settings = new TreeMap<>();
        properties.marketplaces().forEach((code, marketplace) -> {
            if (TYPE.equals(marketplace.type())) {
                settings.put(code, binder.bind("gateway.marketplaces." + code + ".amazon", AmazonAccount.class)
                        .orElseThrow(() -> new IllegalArgumentException("marketplace " + code + " of type amazon needs "
                                + "its amazon: settings (gateway.marketplaces." + code + ".amazon.*)")));
            }
        });
        return settings;
    }

    /** The accounts polled for returns, in a stable order. */
    public List<String> polled() {
        return polled;
    }

    /** The settings of an account; refused by name for a marketplace that is not an Amazon account. */
    public AmazonAccount get(String account) {
        AmazonAccount settings = accounts.get(account);
        if (settings == null) {
            throw new IllegalArgumentException(account + " is not an Amazon account (gateway.marketplaces."
                    + account + ".type: amazon)");
        }
        return settings;
    }
}

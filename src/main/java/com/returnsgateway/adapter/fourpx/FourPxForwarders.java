package com.returnsgateway.adapter.fourpx;

import com.returnsgateway.core.config.GatewayProperties;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The forwarders of type 4px: where each one's router is and its settings ({@code gateway.forwarders.<code>.4px.*}). */
@Component
public class FourPxForwarders {

    /** One configured 4PX forwarder; {@code baseUrl} may be missing (the production check names it). */
    public record Account(String code, String baseUrl, FourPxSettings settings) {

        public String routerUrl() {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalStateException("4PX forwarder " + code + " has no gateway.forwarders." + code
                        + ".base-url (https://open.4px.com in production)");
            }
            return FourPxSettings.routerUrl(baseUrl);
        }

        /** The setting to check, as operations would set it: {@code gateway.forwarders.<code>.4px.<key>}. */
        public String setting(String key) {
            return "gateway.forwarders." + code + ".4px." + key;
        }
    }

    private final Map<String, Account> accounts;

    public FourPxForwarders(Environment environment) {
        this.accounts = bind(environment);
    }

    /** Every forwarder of type 4px, bound from the environment (also before any bean exists). */
    static Map<String, Account> bind(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Account> bound = new TreeMap<>();
        binder.bind("gateway.forwarders", Bindable.mapOf(String.class, GatewayProperties.Forwarder.class))
                .orElse(Map.of())
                .forEach((code, forwarder) -> {
                    if (FourPxSettings.TYPE.equals(forwarder.type())) {
                        bound.put(code, new Account(code, forwarder.baseUrl(), binder.bindOrCreate(
                                "gateway.forwarders." + code + ".4px", FourPxSettings.class)));
                    }
                });
        return bound;
    }

    public Map<String, Account> all() {
        return accounts;
    }

    public Account of(String forwarder) {
        Account account = accounts.get(forwarder);
        if (account == null) {
            throw new IllegalArgumentException(forwarder + " is not a 4PX forwarder (gateway.forwarders." + forwarder
                    + ".type: 4px)");
        }
        return account;
    }
}

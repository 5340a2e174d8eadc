package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The credentials of every remote system of the gateway's HTTP contract, read once at start-up from
 * {@code gateway.marketplaces.<code>.auth}, {@code gateway.forwarders.<code>.auth} and {@code gateway.back-office.auth}
 * (a setting that is missing a part stops the start-up, naming it), and added to each call made to that system.
 */
@Component
class RemoteCredentials {

    private final Map<RemoteSystem, Map<String, String>> headers = new HashMap<>();

    RemoteCredentials(GatewayProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        properties.marketplaces().keySet().forEach(code -> read(binder, RemoteSystem.marketplace(code),
                "gateway.marketplaces." + code + ".auth"));
        properties.forwarders().keySet().forEach(code -> read(binder, RemoteSystem.forwarder(code),
                "gateway.forwarders." + code + ".auth"));
        read(binder, RemoteSystem.BACK_OFFICE, "gateway.back-office.auth");
    }

    private void read(Binder binder, RemoteSystem system, String key) {
        Map<String, String> own = binder.bindOrCreate(key, Credentials.class).headers(key);
        if (!own.isEmpty()) {
            headers.put(system, own);
        }
    }

    /** Where a system's credentials are set, for an error message. */
    String settingFor(RemoteSystem system) {
        return switch (system.kind()) {
            case MARKETPLACE -> "gateway.marketplaces." + system.code() + ".auth";
            case FORWARDER -> "gateway.forwarders." + system.code() + ".auth";
            default -> "gateway.back-office.auth";
        };
    }

    /** The call with its system's credentials in its headers. */
    RemoteCall signed(RemoteCall call) {
        Map<String, String> own = headers.get(call.system());
        return own == null ? call : call.withHeaders(own);
    }
}

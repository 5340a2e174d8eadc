package com.returnsgateway.api;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In production the API's credentials must be real secrets: at least one user or key, every password at least
 * {@value #MIN_PASSWORD_LENGTH} characters and none of the well-known ones (also when given encoded), and no key
 * published with the sandbox.
 */
@Component
public class ApiCredentialsCheck implements ProductionCheck {

    static final int MIN_PASSWORD_LENGTH = 16;
    static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("sandbox", "password", "admin", "changeme", "secret",
            "123456", "gateway", "intake-sandbox", "viewer-sandbox", "operator-sandbox", "metrics-sandbox",
            "passwordpassword", "changemechangeme", "1234567890123456", "correcthorsebatterystaple");
    /** The sandbox's published API key (README, "Sandbox users"), as SHA-256. */
    static final Set<String> SANDBOX_KEYS = Set.of(ApiCredentials.sha256Hex("sandbox-intake-key-0000000000000000"));

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public List<String> problems(Environment environment) {
        // bound from the environment here: no bean exists yet
        GatewayProperties.Api api = Binder.get(environment).bindOrCreate("gateway.api", GatewayProperties.Api.class);
        List<String> problems = new ArrayList<>();
        if (api.password().isBlank() && api.users().isEmpty() && api.keys().isEmpty()) {
            problems.add("gateway.api.password is empty: set GATEWAY_API_PASSWORD or a configtree secret file, or give "
                    + "each job its own user (gateway.api.users.<name>.password and .roles) or API key");
        }
        if (!api.password().isBlank()) {
            weakness(api.password()).ifPresent(weak -> problems.add("gateway.api.password " + weak));
        }
        api.users().forEach((name, user) -> weakness(user.password())
                .ifPresent(weak -> problems.add("gateway.api.users." + name + ".password " + weak)));
        api.keys().forEach((name, key) -> {
            if (SANDBOX_KEYS.contains(key.sha256().toLowerCase(Locale.ROOT))) {
                problems.add("gateway.api.keys." + name + ".sha256 is the sandbox's published key; generate one "
                        + "(openssl rand -hex 32)");
            }
        });
        return problems;
    }

    private Optional<String> weakness(String password) {
        if (password.isBlank()) {
            return Optional.of("is empty");
        }
        if (password.startsWith("{noop}") || !ApiCredentials.isEncoded(password)) {
            String plain = password.replaceFirst("^\\{noop}", "");
            if (WELL_KNOWN_PASSWORDS.contains(plain.toLowerCase(Locale.ROOT))) {
                return Optional.of("is a well-known default; choose a strong one");
            }
            if (plain.length() < MIN_PASSWORD_LENGTH) {
                return Optional.of("is shorter than " + MIN_PASSWORD_LENGTH + " characters; choose a "
                        + "long random one (openssl rand -base64 24)");
            }
            return Optional.empty();
        }
        // encoded: its length is unknown, but a well-known password still matches its hash
        return WELL_KNOWN_PASSWORDS.stream().anyMatch(known -> matches(known, password))
                ? Optional.of("is a well-known default (encoded); choose a strong one")
                : Optional.empty();
    }

    private boolean matches(String known, String encoded) {
        try {
            return encoder.matches(known, encoded);
        } catch (IllegalArgumentException e) {
            return false; // an unknown {id}: the API refuses it at start-up, naming the setting
        }
    }
}

package com.returnsgateway.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a principal of the API may do; configured in lower case ({@code roles: [viewer, operator]}). */
public enum ApiRole {
    /** back-office automation: POST /api/returns only */
    INTAKE,
    /** GET /api/** */
    VIEWER,
    /** retry, received (and later console actions); reads too */
    OPERATOR,
    /** actuator beyond health and info */
    METRICS;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** The roles named at {@code setting}; an unknown or missing role stops start-up naming the setting. */
    static List<ApiRole> parse(String setting, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalStateException(setting + " is empty: give it one or more of " + known());
        }
        return names.stream().map(name -> Arrays.stream(values())
                        .filter(role -> role.configName().equals(name.strip().toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                setting + " names an unknown role '" + name + "': the roles are " + known())))
                .distinct().toList();
    }

    private static String known() {
        return String.join(", ", Arrays.stream(values()).map(ApiRole::configName).toList());
    }
}

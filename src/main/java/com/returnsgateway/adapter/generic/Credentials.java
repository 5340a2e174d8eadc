package com.returnsgateway.adapter.generic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway proves who it is to one remote system of its HTTP contract ({@code auth:} under
 * {@code gateway.marketplaces.<code>}, {@code gateway.forwarders.<code>} or {@code gateway.back-office}). The values
 * come from secrets (environment variables, configtree files); they travel only in request headers, never in a URL,
 * and {@link #toString()} shows none of them.
 *
 * @param type {@code none} (the default), {@code bearer} ({@code token}), {@code basic} ({@code username},
 *             {@code password}) or {@code header} (an API key: header {@code name}, {@code value})
 */
public record Credentials(@DefaultValue("none") String type, @DefaultValue("") String token,
                          @DefaultValue("") String username, @DefaultValue("") String password,
                          @DefaultValue("") String name, @DefaultValue("") String value) {

    /** An HTTP header name (RFC 9110 token), and not one the gateway sets itself. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final List<String> OWN_HEADERS = List.of("content-type", "accept", "idempotency-key",
            "content-length", "host");

    public Credentials {
        type = type == null || type.isBlank() ? "none" : type.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The headers to send, or the problem with the settings under {@code key} (which names the setting to fix).
     *
     * @throws IllegalStateException naming the setting that is missing or wrong
     */
    Map<String, String> headers(String key) {
        return switch (type) {
            case "none" -> Map.of();
            case "bearer" -> Map.of("Authorization", "Bearer " + required(key, "token", token));
            case "basic" -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (required(key, "username", username) + ":" + required(key, "password", password))
                            .getBytes(StandardCharsets.UTF_8)));
            case "header" -> Map.of(headerName(key), required(key, "value", value));
            default -> throw new IllegalStateException(key + ".type is " + type
                    + ": use bearer, basic, header or none");
        };
    }

    private String headerName(String key) {
        String header = required(key, "name", name).strip();
        if (!HEADER_NAME.matcher(header).matches() || OWN_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(key + ".name is not a header name the gateway can send credentials in: "
                    + header);
        }
        return header;
    }

    private String required(String key, String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(key + "." + field + " is empty: " + key + ".type " + type
                    + " needs it (from the environment or a configtree secret file)");
        }
        if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalStateException(key + "." + field + " contains a line break");
        }
        return text.strip();
    }

    @Override
    public String toString() {
        return "Credentials[" + type + "]";
    }
}

package com.returnsgateway.api;

import com.returnsgateway.core.config.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API's users and keys, checked on every request. Passwords are kept only hashed. A plain one from configuration
 * is kept as its HMAC-SHA256 under a key made at start-up and compared in constant time: a slow hash protects a stored
 * hash whose password is unknown, and this one lives only in the memory of a process that was given the password
 * itself (hashing six sandbox users with BCrypt cost most of a second of start-up). An encoded one ({bcrypt}...) is
 * checked by its encoder (BCrypt: about a tenth of a second of CPU) once per credential and then remembered for
 * {@link #REMEMBER_FOR}, keyed by the SHA-256 of user and password, so automation calling with Basic credentials does
 * not pay it on every request. API keys are stored as their SHA-256 and compared in constant time: cheap on every
 * request, and a key is long and random, so its SHA-256 is as good as a slow hash.
 */
public class ApiCredentials implements AuthenticationProvider {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int REMEMBER_AT_MOST = 1_000;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final SecretKeySpec PLAIN_PASSWORD_KEY = new SecretKeySpec(randomKey(), "HmacSHA256");

    /** A user's password: as configured with an encoding {id}, or as the HMAC of a plain one (the other null). */
    private record User(String encodedPassword, byte[] plainPasswordMac, List<GrantedAuthority> authorities) {
    }

    private record Key(String name, byte[] sha256, List<GrantedAuthority> authorities) {
    }

    private record Checked(String name, List<GrantedAuthority> authorities, Instant until) {
    }

    private final Map<String, User> users;
    private final List<Key> keys;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    private ApiCredentials(Map<String, User> users, List<Key> keys, PasswordEncoder encoder, Clock clock) {
        this.users = Map.copyOf(users);
        this.keys = List.copyOf(keys);
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * The users and keys of {@code gateway.api}; a setting that is missing or wrong stops start-up naming it.
     * {@code gateway.api.username}/{@code password} is a user holding every role.
     */
    public static ApiCredentials of(GatewayProperties.Api api, PasswordEncoder encoder, Clock clock) {
        Map<String, User> users = new LinkedHashMap<>();
        if (!api.username().isBlank() || !api.password().isBlank()) {
            if (api.username().isBlank() || api.password().isBlank()) {
                throw new IllegalStateException("Set both gateway.api.username and gateway.api.password (for example "
                        + "through the GATEWAY_API_USERNAME and GATEWAY_API_PASSWORD environment variables)");
            }
            users.put(api.username(), user("gateway.api.password", api.password(), encoder,
                    authorities(EnumSet.allOf(ApiRole.class).stream().toList())));
        }
        api.users().forEach((name, user) -> {
            String setting = "gateway.api.users." + name;
            if (users.containsKey(name)) {
                throw new IllegalStateException(setting + " has the name of gateway.api.username: rename one of them");
            }
            if (user.password().isBlank()) {
                throw new IllegalStateException(setting + ".password is empty");
            }
            users.put(name, user(setting + ".password", user.password(), encoder,
                    authorities(ApiRole.parse(setting + ".roles", user.roles()))));
        });
        List<Key> keys = new ArrayList<>();
        api.keys().forEach((name, key) -> {
            String setting = "gateway.api.keys." + name;
            if (!SHA256_HEX.matcher(key.sha256()).matches()) {
                throw new IllegalStateException(setting + ".sha256 must be the SHA-256 of the key as 64 hex digits "
                        + "(printf %s \"$KEY\" | sha256sum)");
            }
            keys.add(new Key(name, HexFormat.of().parseHex(key.sha256()),
                    authorities(ApiRole.parse(setting + ".roles", key.roles()))));
        });
        if (users.isEmpty() && keys.isEmpty()) {
            throw new IllegalStateException("The API has no users: set gateway.api.username and gateway.api.password "
                    + "(GATEWAY_API_USERNAME, GATEWAY_API_PASSWORD), or gateway.api.users.<name>.password and .roles, "
                    + "or gateway.api.keys.<name>.sha256 and .roles");
        }
        return new ApiCredentials(users, keys, encoder, clock);
    }

    /** HTTP basic: a remembered success, or the password checked against its hash. */
    @Override
    public Authentication authenticate(Authentication request) {
        String name = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String credential = sha256Hex(name + '\u0000' + password);
        Instant now = clock.instant();
        Checked remembered = checked.get(credential);
        if (remembered != null && now.isBefore(remembered.until())) {
            // a new token each time: Spring copies each request's details (address, session) into it
            return UsernamePasswordAuthenticationToken.authenticated(name, null, remembered.authorities());
        }
        User user = users.get(name);
        // user names are not secret here (intake, viewer, ...), so an unknown one is refused without hashing
        if (user == null || !matches(user, password)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        remember(credential, new Checked(name, user.authorities(), now.plus(REMEMBER_FOR)));
        return UsernamePasswordAuthenticationToken.authenticated(name, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The principal of an API key, compared by SHA-256 in constant time against every configured key. */
    public Optional<Authentication> key(String presented) {
        byte[] digest = sha256(presented);
        Key match = null;
        for (Key key : keys) {
            // no early exit: the time taken does not tell which key came close
            if (MessageDigest.isEqual(key.sha256(), digest)) {
                match = key;
            }
        }
        return Optional.ofNullable(match)
                .map(key -> UsernamePasswordAuthenticationToken.authenticated(key.name(), null, key.authorities()));
    }

    private void remember(String credential, Checked success) {
        if (checked.size() >= REMEMBER_AT_MOST) {
            Instant now = clock.instant();
            checked.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (checked.size() >= REMEMBER_AT_MOST) {
                checked.clear();
            }
        }
        checked.put(credential, success);
    }

    private boolean matches(User user, String password) {
        return user.plainPasswordMac() != null
                ? MessageDigest.isEqual(user.plainPasswordMac(), mac(password))
                : encoder.matches(password, user.encodedPassword());
    }

    /** An encoded password ({bcrypt}..., {sha256}...) is kept; a plain one (or {noop}) only as its HMAC. */
    private static User user(String setting, String configured, PasswordEncoder encoder,
                             List<GrantedAuthority> authorities) {
        if (configured.startsWith("{noop}")) {
            return new User(null, mac(configured.substring("{noop}".length())), authorities);
        }
        if (!isEncoded(configured)) {
            return new User(null, mac(configured), authorities);
        }
        try {
            encoder.matches("probe", configured); // only to learn whether the {id} is known
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " starts with an unknown encoding {id}: use {bcrypt}, "
                    + "{sha256}, {pbkdf2}, {scrypt} or {argon2}, or a plain password", e);
        }
        return new User(configured, null, authorities);
    }

    /** HMAC-SHA256 under this process's own random key: equal for equal passwords, useless outside it. */
    private static byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(PLAIN_PASSWORD_KEY);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static boolean isEncoded(String password) {
        return password.matches("\\{[A-Za-z0-9@_.-]+}.+");
    }

    private static List<GrantedAuthority> authorities(List<ApiRole> roles) {
        return roles.stream().map(ApiRole::authority).toList();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}

package com.returnsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Users and keys from configuration: roles, hashing, and which checks are cheap. */
class ApiCredentialsTest {

    private static final String KEY = "k3y-for-the-erp-7f3c1d9a0b2e4c6d8e0f1a2b3c4d5e6f";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CountingEncoder encoder = new CountingEncoder();

    private ApiCredentials credentials(GatewayProperties.Api api) {
        return ApiCredentials.of(api, encoder, clock);
    }

    private static GatewayProperties.Api api(String username, String password,
                                             Map<String, GatewayProperties.Api.User> users,
                                             Map<String, GatewayProperties.Api.Key> keys) {
        return new GatewayProperties.Api(username, password, users, keys, null);
    }

    @Test
    void theSingleApiUserHoldsEveryRoleAndEachUserItsOwn() {
        ApiCredentials credentials = credentials(api("sandbox", "sandbox",
                Map.of("viewer", new GatewayProperties.Api.User("viewer-secret", List.of("Viewer"))), Map.of()));

        assertThat(roles(credentials.authenticate(basic("sandbox", "sandbox"))))
                .containsExactlyInAnyOrder("ROLE_INTAKE", "ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_METRICS");
        assertThat(roles(credentials.authenticate(basic("viewer", "viewer-secret")))).containsExactly("ROLE_VIEWER");
        assertThatThrownBy(() -> credentials.authenticate(basic("viewer", "sandbox")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(basic("nobody", "sandbox")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anEncodedPasswordIsCheckedAgainstItsHashOnceThenRememberedForAShortTime() {
        String bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a-long-erp-password-2026");
        ApiCredentials credentials = credentials(api("erp", bcrypt, Map.of(), Map.of()));
        int atStart = encoder.matches.get();

        for (int i = 0; i < 20; i++) {
            assertThat(credentials.authenticate(basic("erp", "a-long-erp-password-2026")).getName()).isEqualTo("erp");
        }
        assertThat(encoder.matches.get() - atStart).isEqualTo(1);

        clock.advance(ApiCredentials.REMEMBER_FOR.plus(Duration.ofSeconds(1)));
        credentials.authenticate(basic("erp", "a-long-erp-password-2026"));
        assertThat(encoder.matches.get() - atStart).isEqualTo(2);
    }

    @Test
    void aPlainPasswordNeverCostsASlowHashAtStartUpOrOnARequest() {
        ApiCredentials credentials = credentials(api("erp", "a-long-erp-password-2026", Map.of(
                "noop", new GatewayProperties.Api.User("{noop}another-password-77", List.of("viewer"))), Map.of()));

        assertThat(credentials.authenticate(basic("erp", "a-long-erp-password-2026")).getName()).isEqualTo("erp");
        assertThat(credentials.authenticate(basic("noop", "another-password-77")).getName()).isEqualTo("noop");
        assertThatThrownBy(() -> credentials.authenticate(basic("erp", "a-long-erp-password-2027")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(basic("noop", "{noop}another-password-77")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.encodes.get()).isZero();
        assertThat(encoder.matches.get()).isZero();
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        ApiCredentials credentials = credentials(api("erp", "a-long-erp-password-2026", Map.of(), Map.of()));
        credentials.authenticate(basic("erp", "a-long-erp-password-2026"));

        assertThatThrownBy(() -> credentials.authenticate(basic("erp", "a-long-erp-password-2027")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(basic("erp", "a-long-erp-password-2027")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anApiKeyIsComparedBySha256WithoutAPasswordHash() {
        ApiCredentials credentials = credentials(api("", "", Map.of(), Map.of("erp",
                new GatewayProperties.Api.Key(ApiCredentials.sha256Hex(KEY), List.of("intake")))));
        int atStart = encoder.matches.get();

        Authentication erp = credentials.key(KEY).orElseThrow();

        assertThat(erp.getName()).isEqualTo("erp");
        assertThat(roles(erp)).containsExactly("ROLE_INTAKE");
        assertThat(credentials.key(KEY + "x")).isEmpty();
        assertThat(credentials.key("")).isEmpty();
        assertThat(encoder.matches.get()).isEqualTo(atStart);
        assertThat(encoder.encodes.get()).isZero();
    }

    @Test
    void plainAndEncodedPasswordsBothWork() {
        PasswordEncoder spring = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String bcrypt = spring.encode("an-encoded-password-1");
        ApiCredentials credentials = credentials(api("", "", Map.of(
                "plain", new GatewayProperties.Api.User("a-plain-password-123", List.of("viewer")),
                "encoded", new GatewayProperties.Api.User(bcrypt, List.of("viewer"))), Map.of()));

        assertThat(encoder.encodes.get()).isZero();
        assertThat(credentials.authenticate(basic("plain", "a-plain-password-123")).getName()).isEqualTo("plain");
        assertThat(credentials.authenticate(basic("encoded", "an-encoded-password-1")).getName())
                .isEqualTo("encoded");
    }

    @Test
    void aWrongSettingStopsStartUpNamingIt() {
        assertThatThrownBy(() -> credentials(api("", "", Map.of(), Map.of())))
                .hasMessageContaining("The API has no users");
        assertThatThrownBy(() -> credentials(api("", "", Map.of("x",
                new GatewayProperties.Api.User("a-plain-password-123", List.of("admin"))), Map.of())))
                .hasMessageContaining("gateway.api.users.x.roles names an unknown role 'admin'");
        assertThatThrownBy(() -> credentials(api("", "", Map.of("x",
                new GatewayProperties.Api.User("a-plain-password-123", List.of())), Map.of())))
                .hasMessageContaining("gateway.api.users.x.roles is empty");
        assertThatThrownBy(() -> credentials(api("", "", Map.of(), Map.of("erp",
                new GatewayProperties.Api.Key(KEY, List.of("intake"))))))
                .hasMessageContaining("gateway.api.keys.erp.sha256 must be the SHA-256 of the key");
        assertThatThrownBy(() -> credentials(api("", "", Map.of("x",
                new GatewayProperties.Api.User("{md4x}abc", List.of("viewer"))), Map.of())))
                .hasMessageContaining("gateway.api.users.x.password starts with an unknown encoding");
        assertThatThrownBy(() -> credentials(api("ops", "", Map.of(), Map.of())))
                .hasMessageContaining("Set both gateway.api.username and gateway.api.password");
    }

    private static UsernamePasswordAuthenticationToken basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    /** Spring's own encoder (BCrypt for new hashes), counting how often it hashes. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder spring = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger matches = new AtomicInteger();
        final AtomicInteger encodes = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            encodes.incrementAndGet();
            return spring.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return spring.matches(raw, encoded);
        }
    }
}

package com.returnsgateway.api;

import com.returnsgateway.core.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API and actuator need HTTP basic authentication; only health is open (for load balancers). The sandbox
 * simulators under /sandbox stand in for outside systems and exist only in the sandbox.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/sandbox/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable()) // stateless API with basic auth: no session cookie to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** One API user from {@code gateway.api.username} / {@code gateway.api.password} (plain or {bcrypt}...). */
    @Bean
    UserDetailsService users(GatewayProperties properties) {
        String username = properties.api().username();
        String password = properties.api().password();
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalStateException("Set gateway.api.username and gateway.api.password (for example through "
                    + "the GATEWAY_API_USERNAME and GATEWAY_API_PASSWORD environment variables): the API needs a user");
        }
        String stored = password.startsWith("{") ? password : "{noop}" + password;
        return new InMemoryUserDetailsManager(User.withUsername(username).password(stored).roles("OPERATOR").build());
    }
}

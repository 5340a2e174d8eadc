package com.returnsgateway.web.console;

import com.returnsgateway.api.ApiCredentials;
import com.returnsgateway.api.ApiRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The operations console ({@code /console/**}): form login with the API's users and their roles, a session, and
 * Spring's CSRF token in every form. Viewers read; only operators change anything (every POST). Users with neither
 * role (intake automation, metrics scrapers) are refused with a page that says so.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    static final String LOGIN = "/console/login";

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ApiCredentials credentials) throws Exception {
        String viewer = ApiRole.VIEWER.name();
        String operator = ApiRole.OPERATOR.name();
        http.securityMatcher("/console/**", "/webjars/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(LOGIN, "/console/assets/**", "/webjars/**").permitAll()
                        .requestMatchers("/console/denied").authenticated()
                        .requestMatchers(HttpMethod.POST, "/console/logout").authenticated()
                        .requestMatchers(HttpMethod.POST, "/console/**").hasRole(operator)
                        .anyRequest().hasAnyRole(viewer, operator))
                .authenticationManager(new ProviderManager(credentials))
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/console", false)
                        .failureUrl(LOGIN + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/console/denied"))
                .csrf(Customizer.withDefaults())
                // case ids and order ids are in the URLs: no Referer takes them to another site
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // the case page shows each email in a sandboxed frame of its own
                        .frameOptions(frames -> frames.sameOrigin()));
        return http.build();
    }
}

package com.returnsgateway.api;

import com.returnsgateway.core.config.GatewayProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The API and actuator ({@code /api/**}, {@code /actuator/**}) are stateless: HTTP basic or an API
 * key on every call, a role per job ({@link ApiRole}), and {@link CrossSiteGuard} in place of CSRF tokens. Only
 * health is open (for load balancers). Webhooks ({@code /webhooks/**}) are open and checked by their signatures.
 * The OpenAPI description and Swagger UI are open to read (they describe the closed endpoints; they hold no data).
 * Anything else (browser pages: form login, later the console) has a session
 * and Spring's CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String INTAKE = ApiRole.INTAKE.name();
    private static final String VIEWER = ApiRole.VIEWER.name();
    private static final String OPERATOR = ApiRole.OPERATOR.name();
    private static final String METRICS = ApiRole.METRICS.name();

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiCredentials credentials, JsonMapper json) throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"returns-gateway\"");
            problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", e.getMessage()
                    + ": send HTTP basic credentials, or an API key as " + ApiKeyAuthentication.HEADER
                    + " or Authorization: Bearer");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            Authentication who = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
            problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "'" + who.getName() + "' (roles: "
                    + roles(who) + ") may not " + request.getMethod() + " " + request.getRequestURI());
        };
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/info").authenticated()
                        .requestMatchers("/actuator/**").hasRole(METRICS)
                        .requestMatchers(HttpMethod.POST, "/api/returns").hasRole(INTAKE)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(VIEWER, OPERATOR)
                        .anyRequest().hasRole(OPERATOR))
                .authenticationManager(new ProviderManager(credentials))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthentication(credentials, unauthenticated),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new CrossSiteGuard(problems), AuthorizationFilter.class)
                // stateless, and CrossSiteGuard keeps foreign pages from riding on a browser's cached Basic login
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The simulators stand in for outside systems and are open, but only where they run in this process (as their
     * controllers do: sandbox.SandboxEnabled); elsewhere {@code /sandbox/**} falls to the browser chain and needs a
     * login, behind which nothing answers.
     */
    @Bean
    @Order(2)
    @ConditionalOnExpression("${sandbox.simulators.enabled:false} and '${sandbox.simulators.base-url:}'.isEmpty()")
    SecurityFilterChain simulators(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // machines call them, not browsers with sessions
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Webhooks of outside services ({@code /webhooks/**}, such as 17TRACK's): open, because each proves itself by a
     * signature its adapter checks on the raw body; no session, and no CSRF token (servers call them, not browsers).
     */
    @Bean
    @Order(2)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The API's description ({@code /v3/api-docs/**}) and Swagger UI ({@code /swagger-ui.html}, {@code /swagger-ui/**}):
     * open, because they hold no data and every endpoint they describe stays closed; read-only, so no session and no
     * CSRF token.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Browser pages: form login with a session, and a CSRF token in every form. */
    @Bean
    @Order(3)
    SecurityFilterChain browser(HttpSecurity http, ApiCredentials credentials) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error", "/login").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(credentials))
                .formLogin(Customizer.withDefaults())
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static String roles(Authentication who) {
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ApiCredentials apiCredentials(GatewayProperties properties, PasswordEncoder encoder, Clock clock) {
        return ApiCredentials.of(properties.api(), encoder, clock);
    }
}

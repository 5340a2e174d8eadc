package com.returnsgateway.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API key in {@code X-API-Key} or {@code Authorization: Bearer}: a known key authenticates the request as the
 * key's name with its roles; an unknown one is refused with 401 at once. Requests without a key pass on to HTTP basic.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiCredentials credentials;
    private final AuthenticationEntryPoint refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthentication(ApiCredentials credentials, AuthenticationEntryPoint refusal) {
        this.credentials = credentials;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> principal = credentials.key(key);
        if (principal.isEmpty()) {
            contexts.clearContext();
            refusal.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(principal.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null) {
            return key.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }
}

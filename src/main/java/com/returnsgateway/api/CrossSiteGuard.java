package com.returnsgateway.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * State-changing API calls only in shapes a foreign web page cannot make a browser send (a browser sends cached Basic
 * credentials along cross-site): a body must be JSON, and a call without a body must carry {@code X-Requested-By} (any
 * value) or a JSON content type. A cross-site form can send neither without a CORS preflight, which this API never
 * grants. The API is stateless, so this takes the place of CSRF tokens there.
 */
class CrossSiteGuard extends OncePerRequestFilter {

    static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemWriter problems;

    CrossSiteGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || isJson(request.getContentType())) {
            chain.doFilter(request, response);
        } else if (hasBody(request)) {
            problems.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "Send the body as application/json (Content-Type was "
                            + (request.getContentType() == null ? "missing" : "'" + request.getContentType() + "'")
                            + ")");
        } else if (request.getHeader(HEADER) == null || request.getHeader(HEADER).isBlank()) {
            problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Cross-site request refused",
                    request.getMethod() + " without a body needs the header " + HEADER
                            + " (any value, such as your tool's name) or Content-Type: application/json");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

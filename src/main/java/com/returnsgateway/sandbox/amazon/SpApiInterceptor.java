package com.returnsgateway.sandbox.amazon;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.returnsgateway.sandbox.Faults;

/**
 * Runs before every {@link SpApi} operation: sets {@code x-amzn-RequestId} and {@code x-amzn-RateLimit-Limit}, counts
 * the call, applies the sandbox latency and failure rate, authenticates the {@code x-amz-access-token} (403) and
 * takes a token from the seller's bucket for the operation (429). The caller is left in the request attribute
 * {@link #CALLER}.
 */
class SpApiInterceptor implements HandlerInterceptor {

    static final String CALLER = "com.returnsgateway.sandbox.amazon.SpApiInterceptor.caller";
    static final String SP_ROOT = "/sandbox/amazon/sp";

    private final LwaSimulator lwa;
    private final SimulatedRateLimits limits;
    private final Faults faults;

    SpApiInterceptor(LwaSimulator lwa, SimulatedRateLimits limits, Faults faults) {
        this.lwa = lwa;
        this.limits = limits;
        this.faults = faults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        SpApi api = method.getMethodAnnotation(SpApi.class);
        if (api == null) {
            return true;
        }
        SpOperation op = api.value();
        response.setHeader("x-amzn-RequestId", UUID.randomUUID().toString());
        response.setHeader("x-amzn-RateLimit-Limit", limits.limit(op).header());
        limits.countCall(op);
        faults.apply();
        SpCaller caller = lwa.authenticate(request.getHeader("x-amz-access-token"), request.getMethod(),
                spPath(request));
        if (!limits.tryAcquire(op, caller.sellerId())) {
            throw SpApiException.quotaExceeded();
        }
        request.setAttribute(CALLER, caller);
        return true;
    }

    /** The path relative to the SP-API root, as restricted data tokens name it: {@code /orders/v0/orders/113-...}. */
    static String spPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(SP_ROOT) ? path.substring(SP_ROOT.length()) : path;
    }
}

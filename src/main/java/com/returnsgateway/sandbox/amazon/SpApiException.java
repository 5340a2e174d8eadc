package com.returnsgateway.sandbox.amazon;

import org.springframework.http.HttpStatus;

/** A Selling Partner API refusal, rendered as {@code {"errors":[{"code","message","details"}]}} with its status. */
public class SpApiException extends RuntimeException {

    static final String ACCESS_DENIED = "Access to requested resource is denied.";

    private final HttpStatus status;
    private final String code;
    private final String details;

    public SpApiException(HttpStatus status, String code, String message, String details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? "" : details;
    }

    static SpApiException invalidInput(String message) {
        return new SpApiException(HttpStatus.BAD_REQUEST, "InvalidInput", message, "");
    }

    static SpApiException notFound(String message) {
        return new SpApiException(HttpStatus.NOT_FOUND, "NotFound", message, "");
    }

    static SpApiException unauthorized(String details) {
        return new SpApiException(HttpStatus.FORBIDDEN, "Unauthorized", ACCESS_DENIED, details);
    }

    static SpApiException quotaExceeded() {
        return new SpApiException(HttpStatus.TOO_MANY_REQUESTS, "QuotaExceeded",
                "You exceeded your quota for the requested resource.", "");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String details() {
        return details;
    }
}

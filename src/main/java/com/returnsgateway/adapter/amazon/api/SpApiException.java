package com.returnsgateway.adapter.amazon.api;

import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Duration;

/** A Selling Partner API or Login with Amazon call that failed, with Amazon's HTTP status and error code. */
public class SpApiException extends RemoteCallException {

    private final int status;
    private final String code;
    private final String errorMessage;

    public SpApiException(String message, boolean transientFailure, Duration retryAfter, int status, String code) {
        this(message, transientFailure, retryAfter, status, code, null);
    }

    /** @param errorMessage the {@code message} of Amazon's first error, or null */
    public SpApiException(String message, boolean transientFailure, Duration retryAfter, int status, String code,
                          String errorMessage) {
        super(message, transientFailure, retryAfter);
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
    }

    /** The HTTP status, or 0 when no answer came (I/O error, timeout). */
    public int status() {
        return status;
    }

    /** Amazon's error code ("Unauthorized", "QuotaExceeded", "invalid_grant", ...), or null. */
    public String code() {
        return code;
    }

    /** The {@code message} of Amazon's first error ("Invalid AmazonOrderId ..."), or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** Amazon refused access: a role the application or seller lacks, or credentials it does not accept. */
    public boolean isAccessDenied() {
        return status == 403 || status == 401;
    }
}

package com.returnsgateway.sandbox.amazon;

/** A Login with Amazon token refusal: 400 {@code {"error","error_description"}} as OAuth 2 says. */
public class LwaException extends RuntimeException {

    private final String error;

    public LwaException(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }
}

package com.returnsgateway.api;

/** The request body is not a JSON document (not UTF-8, malformed, truncated, nested too deeply). */
public class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}

package com.returnsgateway.sandbox;

import org.springframework.http.HttpStatus;

/** A simulator's refusal; rendered as an {@code application/problem+json} response with this status. */
public class SandboxException extends RuntimeException {

    private final HttpStatus status;

    public SandboxException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public static SandboxException badRequest(String detail) {
        return new SandboxException(HttpStatus.BAD_REQUEST, detail);
    }

    public static SandboxException notFound(String detail) {
        return new SandboxException(HttpStatus.NOT_FOUND, detail);
    }

    public HttpStatus status() {
        return status;
    }
}

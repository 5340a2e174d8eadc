package com.returnsgateway.sandbox.yunexpress;

import java.util.concurrent.atomic.AtomicReference;

/** An error a simulated API answers once, to the next API call, when told to ({@code PUT .../next-error}). */
final class NextError {

    record Error(int status, String code, String message) {
    }

    private final AtomicReference<Error> next = new AtomicReference<>();

    void set(Error error) {
        next.set(error);
    }

    Error take() {
        return next.getAndSet(null);
    }
}

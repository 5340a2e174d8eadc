package com.returnsgateway.sandbox;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns the simulators' refusals into {@code application/problem+json}; applies to sandbox controllers only. */
@RestControllerAdvice(basePackageClasses = SandboxExceptionHandler.class)
@SandboxEnabled
public class SandboxExceptionHandler {

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<ProblemDetail> refused(SandboxException e) {
        return problem(e.status(), e.getMessage()).build();
    }

    @ExceptionHandler(SimulatedOutageException.class)
    ResponseEntity<ProblemDetail> outage(SimulatedOutageException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "request body is not valid JSON").build();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + " is not valid").build();
    }

    static Builder problem(HttpStatus status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("about:blank"));
        return new Builder(status, body);
    }

    static final class Builder {
        private final ResponseEntity.BodyBuilder response;
        private final ProblemDetail body;

        Builder(HttpStatus status, ProblemDetail body) {
            this.response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
            this.body = body;
        }

        Builder header(String name, String value) {
            response.header(name, value);
            return this;
        }

        ResponseEntity<ProblemDetail> build() {
            return response.body(body);
        }
    }
}

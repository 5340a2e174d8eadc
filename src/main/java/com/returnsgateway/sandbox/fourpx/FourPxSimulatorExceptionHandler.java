package com.returnsgateway.sandbox.fourpx;

import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SimulatedOutageException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 4PX simulator's HTTP errors in 4PX's envelope. Ordered ahead of the sandbox's problem+json handler, which
 * answers for every sandbox package; a refusal of a control endpoint (SandboxException) is left to that one.
 */
@RestControllerAdvice(assignableTypes = FourPxSimulatorController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@SandboxEnabled
public class FourPxSimulatorExceptionHandler {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                .contentType(MediaType.APPLICATION_JSON)
                .body(FourPxSimulator.error("000011", "request method " + e.getMethod() + " is not supported; "
                        + "the router takes POST"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException e) {
        return envelope(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "000004", "Content-Type must be application/json, was "
                + e.getContentType());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ObjectNode> badRequest(Exception e) {
        return envelope(HttpStatus.BAD_REQUEST, "000014", "bad request: " + e.getMessage());
    }

    @ExceptionHandler(SimulatedOutageException.class)
    ResponseEntity<ObjectNode> outage(SimulatedOutageException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON).body(FourPxSimulator.error("000015", e.getMessage()));
    }

    private static ResponseEntity<ObjectNode> envelope(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(FourPxSimulator.error(code, message));
    }
}

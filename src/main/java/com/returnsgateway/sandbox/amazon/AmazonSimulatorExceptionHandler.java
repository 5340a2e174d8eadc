package com.returnsgateway.sandbox.amazon;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SimulatedOutageException;

import tools.jackson.databind.node.ObjectNode;

/**
 * Errors of the Amazon simulator in Amazon's shapes: {@code {"errors":[{"code","message","details"}]}} for the
 * Selling Partner API and the sandbox endpoints beside it, {@code {"error","error_description"}} for Login with
 * Amazon. Ordered ahead of the sandbox's problem+json handler, which would otherwise answer for this package too.
 * Spring's own 404, 405 and 415 are answered by {@link AmazonSimulatorErrorResolver}.
 */
@RestControllerAdvice(basePackageClasses = AmazonSimulatorExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@SandboxEnabled
public class AmazonSimulatorExceptionHandler {

    @ExceptionHandler(SpApiException.class)
    ResponseEntity<ObjectNode> refused(SpApiException e) {
        return errors(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(LwaException.class)
    ResponseEntity<ObjectNode> lwaRefused(LwaException e) {
        ObjectNode body = AmazonJson.object();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(SimulatedOutageException.class)
    ResponseEntity<ObjectNode> outage(SimulatedOutageException e, HttpServletRequest request) {
        if (request.getRequestURI().contains("/sandbox/amazon/auth/")) {
            ObjectNode body = AmazonJson.object();
            body.put("error", "temporarily_unavailable");
            body.put("error_description", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("ServiceUnavailable", "Service temporarily unavailable.", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException e) {
        return errors(HttpStatus.BAD_REQUEST, "InvalidInput", "The request body is not valid JSON.", "");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ObjectNode> badParameter(Exception e) {
        return errors(HttpStatus.BAD_REQUEST, "InvalidInput", e.getMessage(), "");
    }

    static ResponseEntity<ObjectNode> errors(HttpStatus status, String code, String message, String details) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(body(code, message, details));
    }

    private static ObjectNode body(String code, String message, String details) {
        ObjectNode body = AmazonJson.object();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details == null ? "" : details);
        return body;
    }
}

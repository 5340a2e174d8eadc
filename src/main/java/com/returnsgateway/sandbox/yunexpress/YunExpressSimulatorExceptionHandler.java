package com.returnsgateway.sandbox.yunexpress;

import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SandboxException;
import com.returnsgateway.sandbox.SimulatedOutageException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors of the YunExpress simulators in the envelope of the API asked (OMS or OpenAPI). Ordered ahead of the
 * sandbox's problem+json handler, which would otherwise answer for this package too.
 */
@RestControllerAdvice(basePackageClasses = YunExpressSimulatorExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@SandboxEnabled
public class YunExpressSimulatorExceptionHandler {

    @ExceptionHandler(SimulatedOutageException.class)
    ResponseEntity<ObjectNode> outage(SimulatedOutageException e, HttpServletRequest request) {
        ResponseEntity<ObjectNode> answer = answer(request, HttpStatus.SERVICE_UNAVAILABLE, "9999", e.getMessage());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(answer.getBody());
    }

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<ObjectNode> refused(SandboxException e, HttpServletRequest request) {
        return answer(request, e.status(), "1004", e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ObjectNode> badParameter(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "1004", e.getMessage());
    }

    private static ResponseEntity<ObjectNode> answer(HttpServletRequest request, HttpStatus status, String omsCode,
                                                     String message) {
        if (request.getRequestURI().startsWith(YunExpressOpenApiSimulator.BASE)) {
            return YunExpressOpenApiSimulator.envelope(status, false, Integer.toString(status.value()), message, null);
        }
        return YunExpressOmsSimulator.envelope(status, omsCode, message, null);
    }
}

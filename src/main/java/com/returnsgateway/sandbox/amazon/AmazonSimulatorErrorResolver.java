package com.returnsgateway.sandbox.amazon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.node.ObjectNode;

/**
 * The errors Spring MVC raises before (or instead of) a handler of the Amazon simulator runs: no such path (404), a
 * method the path does not serve (405), a body Content-Type the operation does not read (415). The controller advice
 * does not see them when no handler was found, so this resolver, ahead of Spring's own, answers them in the shape of
 * the service under that path: Login with Amazon's OAuth error, S3's XML error, or the Selling Partner API's
 * {@code {"errors":[..]}} (also for the sandbox endpoints beside it). Other paths are left to Spring.
 */
class AmazonSimulatorErrorResolver implements HandlerExceptionResolver {

    static final String ROOT = "/sandbox/amazon";
    private static final String LWA = ROOT + "/auth/";
    private static final String S3 = ROOT + "/s3/";

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(ROOT) && !path.startsWith(ROOT + "/")) {
            return null;
        }
        ResponseEntity<byte[]> answer;
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            answer = methodNotAllowed(path, e);
        } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
            answer = unsupportedMediaType(path, e);
        } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            answer = notFound(path);
        } else {
            return null;
        }
        try {
            write(answer, response);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    private static ResponseEntity<byte[]> methodNotAllowed(String path, HttpRequestMethodNotSupportedException e) {
        ResponseEntity<byte[]> answer;
        if (path.startsWith(S3)) {
            // S3's own code and wording
            answer = S3SimulatorController.error(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed",
                    "The specified method is not allowed against this resource.",
                    "<Method>" + e.getMethod() + "</Method><ResourceType>OBJECT</ResourceType>");
        } else if (path.startsWith(LWA)) {
            answer = lwa(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request",
                    "The request method " + e.getMethod() + " is not supported; use POST");
        } else {
            // the SP-API models document no 405; the code is our choice in Amazon's shape (unconfirmed)
            answer = spApi(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed",
                    "The request method " + e.getMethod() + " is not supported for this resource.");
        }
        if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(answer.getHeaders());
            headers.setAllow(e.getSupportedHttpMethods());
            answer = new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
        }
        return answer;
    }

    private static ResponseEntity<byte[]> unsupportedMediaType(String path, HttpMediaTypeNotSupportedException e) {
        if (path.startsWith(S3)) {
            return S3SimulatorController.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                    "The Content-Type of the request is not supported.", "");
        }
        if (path.startsWith(LWA)) {
            return lwa(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request",
                    "The request body must be application/x-www-form-urlencoded");
        }
        // the message is the models' description of a 415; the code is our choice (unconfirmed)
        return spApi(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                "The request's Content-Type header is invalid.");
    }

    private static ResponseEntity<byte[]> notFound(String path) {
        if (path.startsWith(S3)) {
            return S3SimulatorController.error(HttpStatus.NOT_FOUND, "NoSuchKey", "The specified key does not exist.",
                    "");
        }
        if (path.startsWith(LWA)) {
            return lwa(HttpStatus.NOT_FOUND, "invalid_request", "There is no such endpoint: " + path);
        }
        // the message is the models' description of a 404
        return spApi(HttpStatus.NOT_FOUND, "NotFound", "The resource specified does not exist.");
    }

    private static ResponseEntity<byte[]> spApi(HttpStatus status, String code, String message) {
        ObjectNode body = AmazonSimulatorExceptionHandler.errors(status, code, message, "").getBody();
        return json(status, body);
    }

    private static ResponseEntity<byte[]> lwa(HttpStatus status, String error, String description) {
        ObjectNode body = AmazonJson.object();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    private static ResponseEntity<byte[]> json(HttpStatus status, ObjectNode body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(AmazonJson.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ResponseEntity<byte[]> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}

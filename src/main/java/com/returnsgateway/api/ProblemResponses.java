package com.returnsgateway.api;

import com.returnsgateway.core.cases.CaseNotFoundException;
import com.returnsgateway.core.cases.IllegalTransitionException;
import com.returnsgateway.core.intake.ConflictingReturnException;
import com.returnsgateway.core.intake.InvalidReturnRequestException;
import com.returnsgateway.core.intake.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** API errors as application/problem+json that say what is wrong and, for bad input, which fields. */
@RestControllerAdvice(basePackages = "com.returnsgateway.api")
public class ProblemResponses {

    @ExceptionHandler(InvalidReturnRequestException.class)
    ProblemDetail invalid(InvalidReturnRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.errors().size() == 1 ? "1 field is invalid: " + e.errors().get(0).field()
                        : e.errors().size() + " fields are invalid: "
                        + String.join(", ", e.errors().stream().map(f -> f.field()).toList()));
        problem.setTitle("Invalid return request");
        problem.setType(URI.create("https://returns-gateway.dev/problems/invalid-return-request"));
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(ConflictingReturnException.class)
    ProblemDetail conflictingReturn(ConflictingReturnException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Return already received with another body");
        problem.setType(URI.create("https://returns-gateway.dev/problems/conflicting-return"));
        problem.setProperty("caseId", e.caseId());
        problem.setProperty("errors", e.fields().stream()
                .map(field -> new FieldError(field, "differs from the request of case " + e.caseId()))
                .toList());
        return problem;
    }

    @ExceptionHandler(MalformedJsonException.class)
    ProblemDetail malformed(MalformedJsonException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Malformed JSON");
        // "$" is the whole document, as in the field errors of a well-formed but invalid one
        problem.setProperty("errors", List.of(new FieldError("$", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = "The request body could not be read as UTF-8 JSON (is it empty?)";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable request body");
        problem.setProperty("errors", List.of(new FieldError("$", detail)));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Case not found");
        return problem;
    }

    /** A status a handler chose (an unknown quarantine entry), as problem details like every other API error. */
    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return e.getBody();
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail conflict(IllegalTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the case's current status");
        return problem;
    }
}

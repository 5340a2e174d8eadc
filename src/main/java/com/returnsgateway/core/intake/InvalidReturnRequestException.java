package com.returnsgateway.core.intake;

import java.util.List;
import java.util.stream.Collectors;

public class InvalidReturnRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidReturnRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}

package com.returnsgateway.core.intake;

/** One thing wrong with an input, named by its JSON path (for example {@code items[0].unitPrice.amount}). */
public record FieldError(String field, String message) {
}

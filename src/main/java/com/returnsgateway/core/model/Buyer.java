package com.returnsgateway.core.model;

/** The buyer who asked for the return; locale is a BCP 47 tag such as en-US or ja-JP. */
public record Buyer(String name, String email, String locale, Address address) {
}

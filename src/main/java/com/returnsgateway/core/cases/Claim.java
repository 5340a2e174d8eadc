package com.returnsgateway.core.cases;

/** A case claimed for one worker: the token tells this claim from a later one on the same case. */
public record Claim(String caseId, String token) {
}

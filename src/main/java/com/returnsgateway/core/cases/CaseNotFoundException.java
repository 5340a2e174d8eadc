package com.returnsgateway.core.cases;

public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseId) {
        super("no case with id " + caseId);
    }
}

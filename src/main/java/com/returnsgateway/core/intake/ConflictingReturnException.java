package com.returnsgateway.core.intake;

import java.util.List;

/** A return posted again under a known (marketplace, returnId) with another body: which fields differ. */
public class ConflictingReturnException extends RuntimeException {

    private final String caseId;
    private final List<String> fields;

    public ConflictingReturnException(String marketplace, String returnId, String caseId, List<String> fields) {
        super("Return " + marketplace + "/" + returnId + " was already received as case " + caseId
                + " with another body; different: " + String.join(", ", fields)
                + ". Post the same body to get the case again, or use a new returnId for another return.");
        this.caseId = caseId;
        this.fields = List.copyOf(fields);
    }

    public String caseId() {
        return caseId;
    }

    public List<String> fields() {
        return fields;
    }
}

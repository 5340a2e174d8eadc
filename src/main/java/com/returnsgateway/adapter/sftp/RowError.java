package com.returnsgateway.adapter.sftp;

/** A row that was not used, with the line it starts on (the header is line 1). */
public record RowError(int line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}

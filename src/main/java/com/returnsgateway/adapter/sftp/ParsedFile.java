package com.returnsgateway.adapter.sftp;

import java.util.List;

/**
 * A parsed CSV file: the good rows with their line numbers and the rows that were not usable. When the file as a
 * whole is unusable (no header, a missing column), {@code rejectedReason} says why and there are no rows.
 */
public record ParsedFile<T>(List<Line<T>> rows, List<RowError> errors, String rejectedReason) {

    /** A good row and the line it starts on. */
    public record Line<T>(int line, T row) {
    }

    public ParsedFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    static <T> ParsedFile<T> rejected(String reason) {
        return new ParsedFile<>(List.of(), List.of(), reason);
    }

    public boolean rejected() {
        return rejectedReason != null;
    }

    public List<T> values() {
        return rows.stream().map(Line::row).toList();
    }
}

package com.returnsgateway.adapter.sftp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What became of a file received from a forwarder. {@link #text()} is the report the route writes next to the file
 * as {@link #reportFileName()}; a REJECTED file belongs in error/, the others in done/.
 *
 * @param caseIds the cases whose intercept got an answer from this file (results files only)
 */
public record FileReport(String forwarder, String fileName, FileKind kind, Status status, int rowsOk,
                         int rowsFailed, List<RowError> errors, String rejectedReason, List<String> caseIds) {

    public enum Status {
        /** Every row was used. */
        PROCESSED,
        /** Some rows were used, the others are listed in the report. */
        PARTIAL,
        /** Nothing was used: bad name, wrong header, or no usable row. */
        REJECTED,
        /** This forwarder's file of that name was processed before; nothing was done again. */
        DUPLICATE
    }

    public FileReport {
        errors = List.copyOf(errors);
        caseIds = List.copyOf(caseIds);
    }

    public boolean rejected() {
        return status == Status.REJECTED;
    }

    /**
     * {@code <file>.report.txt} for a valid file name; for an invalid one a name derived from its hash, so a remote
     * name never becomes part of a path.
     */
    public String reportFileName() {
        if (kind != null && kind.accepts(fileName)) {
            return fileName + ".report.txt";
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(fileName).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "invalid-name-" + HexFormat.of().formatHex(digest, 0, 6) + ".report.txt";
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("forwarder: ").append(forwarder).append('\n');
        out.append("file: ").append(printable(fileName)).append('\n');
        out.append("status: ").append(status).append('\n');
        out.append("rows ok: ").append(rowsOk).append('\n');
        out.append("rows failed: ").append(rowsFailed).append('\n');
        if (rejectedReason != null) {
            out.append("rejected: ").append(rejectedReason).append('\n');
        }
        if (!errors.isEmpty()) {
            out.append("errors:\n");
            for (RowError error : errors) {
                out.append("  ").append(error).append('\n');
            }
        }
        return out.toString();
    }

    private static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        String clean = name.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }
}

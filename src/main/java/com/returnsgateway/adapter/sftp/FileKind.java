package com.returnsgateway.adapter.sftp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The files exchanged with an SFTP forwarder, each with its name prefix and its CSV header. */
public enum FileKind {
    /** Gateway to forwarder, in {@code inbound/}: intercept requests. */
    INTERCEPT_REQUESTS("intercepts-", List.of("request_id", "waybill", "reason", "requested_at")),
    /** Forwarder to gateway, in {@code outbound/}: answers to intercept requests. */
    RESULTS("results-", List.of("request_id", "waybill", "outcome", "code", "message", "answered_at")),
    /** Forwarder to gateway, in {@code outbound/}: parcel status events. */
    STATUSES("status-", List.of("waybill", "status_code", "event_time", "location"));

    /** The characters and length any exchanged file name must keep to. */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String prefix;
    private final List<String> columns;

    FileKind(String prefix, List<String> columns) {
        this.prefix = prefix;
        this.columns = columns;
    }

    public String prefix() {
        return prefix;
    }

    /** The header, in the order the gateway writes it; readers accept any order and ignore extra columns. */
    public List<String> columns() {
        return columns;
    }

    /**
     * A regular expression for camel-ftp's {@code include} option: only names this kind accepts, so temporary names
     * ({@code .inprogress-...}, {@code ...tmp}) and anything else are never picked up.
     */
    public String includePattern() {
        return prefix + "[A-Za-z0-9._-]{1," + (100 - prefix.length() - 4) + "}\\.csv";
    }

    /** Why {@code fileName} is not a valid name of this kind, or empty when it is. */
    public Optional<String> problemWith(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return Optional.of("file name is empty");
        }
        if (!SAFE_NAME.matcher(fileName).matches()) {
            return Optional.of("file name must be 1 to 100 characters of A-Z a-z 0-9 . _ - (no folders)");
        }
        if (!fileName.startsWith(prefix) || !fileName.endsWith(".csv") || fileName.length() <= prefix.length() + 4) {
            return Optional.of("file name must look like " + prefix + "<something>.csv");
        }
        if (fileName.contains("..")) {
            return Optional.of("file name must not contain '..'");
        }
        return Optional.empty();
    }

    public boolean accepts(String fileName) {
        return problemWith(fileName).isEmpty();
    }

    /** The kind whose name this is, if any. */
    public static Optional<FileKind> of(String fileName) {
        for (FileKind kind : values()) {
            if (kind.accepts(fileName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

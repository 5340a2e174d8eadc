package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.model.InterceptOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes the three CSV files exchanged with SFTP forwarders (UTF-8, header row, RFC 4180). Readers take the
 * columns in any order, ignore columns they do not know, report each unusable row with its line number and keep the
 * good ones; a file without the required header is rejected whole. Timestamps are ISO-8601 with an offset
 * ({@code 2026-11-20T08:00:00Z}); the gateway writes UTC.
 */
public final class SftpCsvFormats {

    /** Longest id, waybill or code accepted (the database columns hold 128). */
    static final int MAX_ID = 128;
    static final int MAX_TEXT = 2000;

    private SftpCsvFormats() {
    }

    public static String writeInterceptRequests(List<InterceptRequestRow> rows) {
        return Csv.write(FileKind.INTERCEPT_REQUESTS.columns(), rows.stream()
                .map(r -> cells(r.requestId(), r.waybill(), r.reason(), instant(r.requestedAt())))
                .toList());
    }

    public static String writeResults(List<ResultRow> rows) {
        return Csv.write(FileKind.RESULTS.columns(), rows.stream()
                .map(r -> cells(r.requestId(), r.waybill(), r.outcome() == null ? null : r.outcome().name(), r.code(),
                        r.message(), instant(r.answeredAt())))
                .toList());
    }

    public static String writeStatuses(List<StatusRow> rows) {
        return Csv.write(FileKind.STATUSES.columns(), rows.stream()
                .map(r -> cells(r.waybill(), r.statusCode(), instant(r.eventTime()), r.location()))
                .toList());
    }

    public static ParsedFile<InterceptRequestRow> parseInterceptRequests(String content) {
        return parse(content, FileKind.INTERCEPT_REQUESTS, Set.of("request_id", "waybill", "requested_at"),
                row -> new InterceptRequestRow(row.id("request_id"), row.id("waybill"), row.text("reason"),
                        row.instant("requested_at")));
    }

    public static ParsedFile<ResultRow> parseResults(String content) {
        return parse(content, FileKind.RESULTS, Set.of("request_id", "waybill", "outcome", "answered_at"),
                row -> new ResultRow(row.id("request_id"), row.id("waybill"), row.outcome("outcome"),
                        row.code("code"), row.text("message"), row.instant("answered_at")));
    }

    public static ParsedFile<StatusRow> parseStatuses(String content) {
        return parse(content, FileKind.STATUSES, Set.of("waybill", "status_code", "event_time"),
                row -> new StatusRow(row.id("waybill"), row.id("status_code"), row.instant("event_time"),
                        row.text("location")));
    }

    private static <T> ParsedFile<T> parse(String content, FileKind kind, Set<String> required,
                                           Function<Row, T> mapper) {
        if (content == null) {
            return ParsedFile.rejected("the file is empty: a header row is required");
        }
        List<Csv.Record> records = Csv.read(content);
        int first = 0;
        while (first < records.size() && records.get(first).blank()) {
            first++;
        }
        if (first == records.size()) {
            return ParsedFile.rejected("the file is empty: a header row is required");
        }
        Csv.Record header = records.get(first);
        if (header.error() != null) {
            return ParsedFile.rejected("line " + header.line() + ": the header is malformed: " + header.error());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && index.putIfAbsent(name, i) != null) {
                return ParsedFile.rejected("line " + header.line() + ": column '" + name + "' appears twice");
            }
        }
        List<String> missing = kind.columns().stream().filter(required::contains).filter(c -> !index.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            return ParsedFile.rejected("line " + header.line() + ": wrong header for a " + kind.prefix()
                    + "*.csv file: missing column(s) " + String.join(", ", missing) + "; expected "
                    + String.join(",", kind.columns()));
        }
        List<ParsedFile.Line<T>> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (Csv.Record record : records.subList(first + 1, records.size())) {
            if (record.blank()) {
                continue;
            }
            if (record.error() != null) {
                errors.add(new RowError(record.line(), record.error()));
                continue;
            }
            if (record.fields().size() > header.fields().size()) {
                errors.add(new RowError(record.line(), record.fields().size() + " fields but the header has "
                        + header.fields().size()));
                continue;
            }
            try {
                rows.add(new ParsedFile.Line<>(record.line(), mapper.apply(new Row(record, index))));
            } catch (BadRow e) {
                errors.add(new RowError(record.line(), e.getMessage()));
            }
        }
        return new ParsedFile<>(rows, errors, null);
    }

    private static List<String> cells(String... values) {
        List<String> list = new ArrayList<>(values.length);
        for (String v : values) {
            list.add(v);
        }
        return list;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A data row seen through the header; each accessor checks its column. */
    private record Row(Csv.Record record, Map<String, Integer> index) {

        /** The trimmed cell, or null when the column is absent from the header; a short row is an error. */
        String raw(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            if (i >= record.fields().size()) {
                throw new BadRow("missing column " + column + " (the row has " + record.fields().size()
                        + " fields)");
            }
            String value = record.fields().get(i).trim();
            if (value.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')) {
                throw new BadRow(column + " contains control characters");
            }
            return value;
        }

        String id(String column) {
            String value = raw(column);
            if (value == null || value.isEmpty()) {
                throw new BadRow("empty " + column);
            }
            if (value.length() > MAX_ID) {
                throw new BadRow(column + " is longer than " + MAX_ID + " characters");
            }
            if (value.chars().anyMatch(Character::isWhitespace)) {
                throw new BadRow(column + " must not contain spaces or line breaks: '" + abbreviate(value) + "'");
            }
            return value;
        }

        String code(String column) {
            String value = raw(column);
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (value.length() > MAX_ID) {
                throw new BadRow(column + " is longer than " + MAX_ID + " characters");
            }
            return value;
        }

        String text(String column) {
            String value = raw(column);
            if (value == null || value.isEmpty()) {
                return null;
            }
            return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
        }

        Instant instant(String column) {
            String value = raw(column);
            if (value == null || value.isEmpty()) {
                throw new BadRow("empty " + column);
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadRow("bad timestamp in " + column + ": '" + abbreviate(value)
                        + "' (expected ISO-8601 with offset, e.g. 2026-11-20T08:00:00Z)");
            }
        }

        InterceptOutcome.Result outcome(String column) {
            String value = raw(column);
            if (value == null || value.isEmpty()) {
                throw new BadRow("empty " + column);
            }
            try {
                return InterceptOutcome.Result.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRow("bad outcome '" + abbreviate(value) + "' (expected ACCEPTED or REJECTED)");
            }
        }

        private static String abbreviate(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "..." : value;
        }
    }

    private static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }
}

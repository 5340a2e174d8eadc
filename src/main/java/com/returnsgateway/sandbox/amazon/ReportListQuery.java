package com.returnsgateway.sandbox.amazon;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query of a getReports call (Reports API 2021-06-30), read and checked as the model describes it: either
 * {@code reportTypes} (1..10) with the optional filters {@code processingStatuses}, {@code marketplaceIds} (1..10),
 * {@code pageSize} (1..100, default 10), {@code createdSince} (default 90 days ago) and {@code createdUntil} (default
 * now), or a {@code nextToken} as the only parameter (the model: "Specifying nextToken with any other parameters
 * will cause the request to fail"). The token carries the query and where the last page ended. Arrays come as
 * comma-separated values (the model's {@code collectionFormat: csv}) or as repeated parameters.
 *
 * @param afterCreated  with {@code afterReportId}, the last report of the previous page; null on the first page
 */
record ReportListQuery(Set<String> reportTypes, Set<String> processingStatuses, Set<String> marketplaceIds,
                       int pageSize, Instant createdSince, Instant createdUntil, Instant afterCreated,
                       String afterReportId) {

    static final Set<String> PROCESSING_STATUSES = Set.of("CANCELLED", "DONE", "FATAL", "IN_PROGRESS", "IN_QUEUE");
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_TYPES = 10;
    static final int MAX_MARKETPLACES = 10;
    static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);
    private static final List<String> FILTERS = List.of("reportTypes", "processingStatuses", "marketplaceIds",
            "pageSize", "createdSince", "createdUntil");

    /** The query from the request's parameters; 400 InvalidInput naming the parameter when one is wrong. */
    static ReportListQuery parse(Map<String, String[]> parameters, Instant now) {
        String nextToken = single(parameters, "nextToken");
        if (nextToken != null) {
            for (String filter : FILTERS) {
                if (parameters.containsKey(filter)) {
                    throw SpApiException.invalidInput("nextToken must be the only parameter; " + filter
                            + " was given with it");
                }
            }
            return fromToken(nextToken);
        }
        Set<String> types = list(parameters, "reportTypes");
        if (types.isEmpty()) {
            throw SpApiException.invalidInput("reportTypes is required unless nextToken is given");
        }
        if (types.size() > MAX_TYPES) {
            throw SpApiException.invalidInput("reportTypes holds " + types.size() + " values; at most " + MAX_TYPES
                    + " are allowed");
        }
        Set<String> statuses = list(parameters, "processingStatuses");
        for (String status : statuses) {
            if (!PROCESSING_STATUSES.contains(status)) {
                throw SpApiException.invalidInput("processingStatuses: " + status + " is not one of "
                        + "CANCELLED, DONE, FATAL, IN_PROGRESS, IN_QUEUE");
            }
        }
        Set<String> marketplaces = list(parameters, "marketplaceIds");
        if (marketplaces.size() > MAX_MARKETPLACES) {
            throw SpApiException.invalidInput("marketplaceIds holds " + marketplaces.size() + " values; at most "
                    + MAX_MARKETPLACES + " are allowed");
        }
        int pageSize = pageSize(single(parameters, "pageSize"));
        String since = single(parameters, "createdSince");
        String until = single(parameters, "createdUntil");
        Instant createdSince = since == null ? now.minus(DEFAULT_LOOKBACK) : AmazonJson.instant(since, "createdSince");
        Instant createdUntil = until == null ? now : AmazonJson.instant(until, "createdUntil");
        if (createdUntil.isBefore(createdSince)) {
            throw SpApiException.invalidInput("createdUntil " + AmazonJson.timestamp(createdUntil)
                    + " is before createdSince " + AmazonJson.timestamp(createdSince));
        }
        return new ReportListQuery(types, statuses, marketplaces, pageSize, createdSince, createdUntil, null, null);
    }

    /** The same query, continuing after the given report. */
    ReportListQuery after(Instant created, String reportId) {
        return new ReportListQuery(reportTypes, processingStatuses, marketplaceIds, pageSize, createdSince,
                createdUntil, created, reportId);
    }

    String token() {
        ObjectNode n = AmazonJson.object();
        putAll(n.putArray("reportTypes"), reportTypes);
        putAll(n.putArray("processingStatuses"), processingStatuses);
        putAll(n.putArray("marketplaceIds"), marketplaceIds);
        n.put("pageSize", pageSize);
        n.put("createdSince", createdSince.toString());
        n.put("createdUntil", createdUntil.toString());
        n.put("afterCreated", afterCreated.toString());
        n.put("afterReportId", afterReportId);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(AmazonJson.MAPPER.writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
    }

    private static ReportListQuery fromToken(String token) {
        try {
            JsonNode n = AmazonJson.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token),
                    StandardCharsets.UTF_8));
            return new ReportListQuery(strings(n.get("reportTypes")), strings(n.get("processingStatuses")),
                    strings(n.get("marketplaceIds")), n.get("pageSize").intValue(),
                    Instant.parse(n.get("createdSince").stringValue()),
                    Instant.parse(n.get("createdUntil").stringValue()),
                    Instant.parse(n.get("afterCreated").stringValue()), n.get("afterReportId").stringValue());
        } catch (IllegalArgumentException | JacksonException | NullPointerException
                 | java.time.format.DateTimeParseException e) {
            throw SpApiException.invalidInput("nextToken is not valid");
        }
    }

    private static int pageSize(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below, with the allowed range
        }
        throw SpApiException.invalidInput("pageSize must be a whole number from 1 to " + MAX_PAGE_SIZE + ": "
                + value);
    }

    /** One value of a parameter, null when absent or blank; 400 when it is given more than once. */
    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw SpApiException.invalidInput(name + " must be given once");
        }
        return values[0].isBlank() ? null : values[0].trim();
    }

    private static Set<String> list(Map<String, String[]> parameters, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : parameters.getOrDefault(name, new String[0])) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode v : array) {
            values.add(v.stringValue());
        }
        return values;
    }

    private static void putAll(ArrayNode array, Set<String> values) {
        values.forEach(array::add);
    }
}

package com.returnsgateway.sandbox.amazon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Reports API 2021-06-30 for GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE. A report moves one step per getReport
 * call: IN_QUEUE, IN_PROGRESS (as many calls as {@code report-polls-before-done} allows), then DONE with a GZIP
 * document, CANCELLED when the window holds no returns (Amazon's "no data"), or FATAL when the test hook asked for
 * it. The document is cut when the report ends. Thread-safe (one lock).
 */
@Component
@SandboxEnabled
public class ReportsSimulator {

    public static final String RETURNS_REPORT = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE";
    static final Duration MAX_WINDOW = Duration.ofDays(60);

    private final SimulatedOrderBook orders;
    private final SimulatedSellers sellers;
    private final Clock clock;
    private final int pollsBeforeDone;
    private final AtomicLong sequence = new AtomicLong(50_000_000_000L);
    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final Map<String, Document> documents = new LinkedHashMap<>();
    private int failNext;

    @Autowired
    public ReportsSimulator(SimulatedOrderBook orders, SimulatedSellers sellers, AmazonSimulatorProperties properties,
                            ObjectProvider<Clock> clock) {
        this(orders, sellers, properties.getReportPollsBeforeDone(), clock.getIfAvailable(Clock::systemUTC));
    }

    ReportsSimulator(SimulatedOrderBook orders, SimulatedSellers sellers, int pollsBeforeDone, Clock clock) {
        this.orders = orders;
        this.sellers = sellers;
        this.pollsBeforeDone = Math.max(0, pollsBeforeDone);
        this.clock = clock;
    }

    /** A report document: the gzipped flat file and the seller it belongs to. */
    public record Document(String documentId, String sellerId, byte[] gzipped) {
    }

    private static final class Report {
        final String reportId;
        final String sellerId;
        final List<String> marketplaceIds;
        final Instant start;
        final Instant end;
        final Instant created;
        final boolean fail;
        final SimulatedProcessing processing;
        String documentId;
        int rows;

        Report(String reportId, String sellerId, List<String> marketplaceIds, Instant start, Instant end,
               Instant created, boolean fail, int pollsBeforeDone) {
            this.reportId = reportId;
            this.sellerId = sellerId;
            this.marketplaceIds = marketplaceIds;
            this.start = start;
            this.end = end;
            this.created = created;
            this.fail = fail;
            this.processing = new SimulatedProcessing(pollsBeforeDone);
        }

        ObjectNode toJson() {
            ObjectNode n = AmazonJson.object();
            n.put("reportId", reportId);
            n.put("reportType", RETURNS_REPORT);
            ArrayNode mp = n.putArray("marketplaceIds");
            marketplaceIds.forEach(mp::add);
            n.put("dataStartTime", AmazonJson.timestamp(start));
            n.put("dataEndTime", AmazonJson.timestamp(end));
            n.put("createdTime", AmazonJson.timestamp(created));
            processing.putInto(n);
            if (documentId != null) {
                n.put("reportDocumentId", documentId);
            }
            return n;
        }
    }

    /** createReport: validates the specification and queues the report; returns its id. */
    public String create(SpCaller caller, JsonNode body) {
        AmazonJson.requireObject(body, "the report specification");
        String type = AmazonJson.requireText(body, "reportType");
        if (!type.equals(RETURNS_REPORT)) {
            throw SpApiException.invalidInput("reportType " + type + " is not supported by the sandbox; it serves "
                    + RETURNS_REPORT);
        }
        List<String> marketplaceIds = AmazonJson.requireTextList(body, "marketplaceIds");
        SimulatedSeller seller = sellers.find(caller.sellerId()).orElseThrow();
        for (String id : marketplaceIds) {
            if (!seller.marketplaceIds().contains(id)) {
                throw SpApiException.invalidInput("marketplaceId " + id + " is not one the seller participates in ("
                        + seller.marketplaceIds() + ")");
            }
        }
        Instant start = AmazonJson.instant(AmazonJson.requireText(body, "dataStartTime"), "dataStartTime");
        Instant end = AmazonJson.instant(AmazonJson.requireText(body, "dataEndTime"), "dataEndTime");
        if (end.isBefore(start)) {
            throw SpApiException.invalidInput("dataEndTime " + AmazonJson.timestamp(end)
                    + " is before dataStartTime " + AmazonJson.timestamp(start));
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw SpApiException.invalidInput("the window from dataStartTime to dataEndTime is longer than 60 days");
        }
        synchronized (this) {
            boolean fail = failNext > 0;
            if (fail) {
                failNext--;
            }
            String id = Long.toString(sequence.incrementAndGet());
            reports.put(id, new Report(id, caller.sellerId(), marketplaceIds, start, end, now(), fail,
                    pollsBeforeDone));
            return id;
        }
    }

    /** getReport: the report as it stands after this call moved it one step. */
    public synchronized ObjectNode poll(SpCaller caller, String reportId) {
        Report report = reports.get(reportId);
        if (report == null || !report.sellerId.equals(caller.sellerId())) {
            throw SpApiException.notFound("Report " + reportId + " not found.");
        }
        if (report.processing.poll(now())) {
            finish(report);
        }
        return report.toJson();
    }

    /**
     * getReports: the seller's reports matching the query, newest first, one page; does not move any report along
     * (only getReport does). {@code nextToken} when more match than the page holds.
     */
    public synchronized ObjectNode list(SpCaller caller, ReportListQuery query) {
        List<Report> matching = reports.values().stream()
                .filter(r -> r.sellerId.equals(caller.sellerId()))
                .filter(r -> query.reportTypes().contains(RETURNS_REPORT))
                .filter(r -> query.marketplaceIds().isEmpty()
                        || r.marketplaceIds.stream().anyMatch(query.marketplaceIds()::contains))
                .filter(r -> query.processingStatuses().isEmpty()
                        || query.processingStatuses().contains(r.processing.status()))
                .filter(r -> !r.created.isBefore(query.createdSince()) && !r.created.isAfter(query.createdUntil()))
                .sorted(NEWEST_FIRST)
                .filter(r -> query.afterReportId() == null || NEWEST_FIRST.compare(r,
                        probe(query.afterCreated(), query.afterReportId())) > 0)
                .toList();
        ObjectNode answer = AmazonJson.object();
        ArrayNode list = answer.putArray("reports");
        matching.stream().limit(query.pageSize()).forEach(r -> list.add(r.toJson()));
        if (matching.size() > query.pageSize()) {
            Report last = matching.get(query.pageSize() - 1);
            answer.put("nextToken", query.after(last.created, last.reportId).token());
        }
        return answer;
    }

    private static final Comparator<Report> NEWEST_FIRST = Comparator.comparing((Report r) -> r.created)
            .thenComparing(r -> Long.parseLong(r.reportId)).reversed();

    private static Report probe(Instant created, String reportId) {
        try {
            Long.parseLong(reportId);
        } catch (NumberFormatException e) {
            throw SpApiException.invalidInput("nextToken is not valid");
        }
        return new Report(reportId, "", List.of(), created, created, created, false, 0);
    }

    private void finish(Report report) {
        Instant now = now();
        if (report.fail) {
            report.processing.end("FATAL", now);
            return;
        }
        List<SimulatedOrderBook.ReturnedOrder> returns = orders.returns(report.sellerId, report.marketplaceIds,
                report.start, report.end);
        if (returns.isEmpty()) {
            report.processing.end("CANCELLED", now);
            return;
        }
        List<List<String>> rows = ReturnsFlatFile.rows(returns, orders::refunded);
        String documentId = "amzn1.spdoc.1.4.na." + UUID.randomUUID();
        documents.put(documentId, new Document(documentId, report.sellerId,
                ReturnsFlatFile.gzip(ReturnsFlatFile.render(rows))));
        report.documentId = documentId;
        report.rows = rows.size();
        report.processing.end("DONE", now);
    }

    /** getReportDocument: the seller's document, or 404. */
    public synchronized Document document(SpCaller caller, String documentId) {
        Document d = documents.get(documentId);
        if (d == null || !d.sellerId().equals(caller.sellerId())) {
            throw SpApiException.notFound("Report document " + documentId + " not found.");
        }
        return d;
    }

    /** The document behind a pre-signed URL. */
    public synchronized Optional<Document> document(String documentId) {
        return Optional.ofNullable(documents.get(documentId));
    }

    /** Test hook: the next {@code count} reports created end FATAL. */
    public synchronized int failNext(int count) {
        failNext += count;
        return failNext;
    }

    /** Inspection: every report created, with its window, status, poll count and row count. */
    public synchronized ArrayNode list() {
        ArrayNode list = AmazonJson.array();
        for (Report r : reports.values()) {
            ObjectNode n = r.toJson();
            n.put("sellerId", r.sellerId);
            n.put("polls", r.processing.polls());
            n.put("rows", r.rows);
            n.put("failOnPurpose", r.fail);
            list.add(n);
        }
        return list;
    }

    public synchronized void clear() {
        reports.clear();
        documents.clear();
        failNext = 0;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

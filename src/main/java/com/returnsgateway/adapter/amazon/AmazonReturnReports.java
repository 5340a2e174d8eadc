package com.returnsgateway.adapter.amazon;

import static com.returnsgateway.core.RouteVariables.ACCOUNT;
import static com.returnsgateway.core.RouteVariables.REPORT_DOCUMENT_ID;
import static com.returnsgateway.core.RouteVariables.REPORT_ID;
import static com.returnsgateway.core.RouteVariables.REPORT_STATUS;
import static com.returnsgateway.core.RouteVariables.RETURNS_FOUND;
import static com.returnsgateway.core.RouteVariables.ROWS_READ;
import static com.returnsgateway.core.RouteVariables.ROW_PROBLEMS;

import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.adapter.amazon.api.SpApiOperation;
import com.returnsgateway.adapter.amazon.format.AmazonReturnMapper;
import com.returnsgateway.adapter.amazon.format.ReturnReportRow;
import com.returnsgateway.adapter.amazon.format.ReturnsReport;
import com.returnsgateway.core.cluster.WorkLeases;
import com.returnsgateway.core.intake.Quarantine;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The returns report cycle of each Amazon account, one step per poll: ask for a report of the window since the
 * checkpoint (createReport), follow it (getReport) until DONE, CANCELLED (no returns in the window) or FATAL, download
 * and parse the GZIP flat file, and only then move the checkpoint. The open report is stored, so a restart follows
 * the same report instead of asking for a new one.
 */
@Component
public class AmazonReturnReports {

    static final String REPORT_TYPE = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE";
    /** Amazon accepts at most 60 days per returns report. */
    static final Duration MAX_WINDOW = Duration.ofDays(60);
    /** Each window starts a day before the checkpoint: returns Amazon lists late are still read (intake de-duplicates). */
    static final Duration OVERLAP = Duration.ofDays(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(AmazonReturnReports.class);

    private final SpApiClient client;
    private final AmazonAccounts accounts;
    private final AmazonReportStore store;
    private final Quarantine quarantine;
    private final WorkLeases leases;
    private final Clock clock;

    public AmazonReturnReports(SpApiClient client, AmazonAccounts accounts, AmazonReportStore store,
                               Quarantine quarantine, WorkLeases leases, Clock clock) {
        this.client = client;
        this.accounts = accounts;
        this.store = store;
        this.quarantine = quarantine;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * Sets {@code reportId} to the report to follow: the open one, or a new one when the last finished
     * {@code report-interval} ago. Leaves it null when there is nothing to do now or another instance holds the cycle.
     */
    public void prepare(@Variable(ACCOUNT) String account, Exchange exchange) {
        exchange.setVariable(REPORT_ID, null);
        if (!leases.acquire("amazon-report:" + account, LEASE)) {
            return;
        }
        Optional<String> open = store.openReport(account);
        if (open.isPresent()) {
            exchange.setVariable(REPORT_ID, open.get());
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> lastFinished = store.lastFinished(account);
        AmazonAccount amazon = accounts.get(account);
        if (lastFinished.isPresent() && now.isBefore(lastFinished.get().plus(amazon.reportInterval()))
                || !client.canCallNow(account, SpApiOperation.CREATE_REPORT)) {
            return; // not yet time, or createReport's rate (one a minute once the burst is spent) says wait
        }
        exchange.setVariable(REPORT_ID, requestReport(account, amazon, now));
    }

    private String requestReport(String account, AmazonAccount amazon, Instant now) {
        Window window = Window.next(store.checkpoint(account), now, amazon.initialLookback());
        Instant start = window.start();
        Instant end = window.end();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportType", REPORT_TYPE);
        body.put("marketplaceIds", amazon.marketplaceIds());
        body.put("dataStartTime", start.toString());
        body.put("dataEndTime", end.toString());
        SpApiClient.Response response = client.post(account, SpApiOperation.CREATE_REPORT,
                "/reports/2021-06-30/reports", body);
        String reportId = response.text("reportId");
        if (reportId == null) {
            throw new SpApiException("Amazon " + account + " createReport answered without a reportId", false, null,
                    response.status(), null);
        }
        store.requested(account, reportId, start, end, now);
        log.debug("Amazon {}: returns report {} requested for {} to {}", account, reportId, start, end);
        return reportId;
    }

    /** getReport: sets {@code reportStatus} (IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL) and {@code reportDocumentId}. */
    public void checkStatus(@Variable(ACCOUNT) String account, @Variable(REPORT_ID) String reportId,
                            Exchange exchange) {
        SpApiClient.Response response = client.get(account, SpApiOperation.GET_REPORT,
                "/reports/2021-06-30/reports/" + SpApiClient.encode(reportId));
        String status = response.text("processingStatus");
        if (status == null) {
            throw new SpApiException("Amazon " + account + " getReport " + reportId + " answered without a"
                    + " processingStatus", false, null, response.status(), null);
        }
        store.status(account, reportId, status);
        exchange.setVariable(REPORT_STATUS, status);
        exchange.setVariable(REPORT_DOCUMENT_ID, response.text("reportDocumentId"));
    }

    /**
     * Downloads the report document from its pre-signed URL (asked for just now, so it has not expired), unpacks and
     * parses it; rows with problems are quarantined. Returns the rows grouped by return (Amazon RMA ID).
     */
    public List<List<ReturnReportRow>> download(@Variable(ACCOUNT) String account,
                                                @Variable(REPORT_ID) String reportId,
                                                @Variable(REPORT_DOCUMENT_ID) String documentId, Exchange exchange) {
        if (documentId == null) {
            throw new SpApiException("Amazon " + account + " report " + reportId + " is DONE without a"
                    + " reportDocumentId", false, null, 200, null);
        }
        byte[] document = client.document(account, SpApiOperation.GET_REPORT_DOCUMENT,
                "/reports/2021-06-30/documents/" + SpApiClient.encode(documentId), "returns report document " + documentId);
        ReturnsReport.Parsed parsed = ReturnsReport.parse(new InputStreamReader(new ByteArrayInputStream(document),
                StandardCharsets.UTF_8));
        for (ReturnsReport.RowProblem problem : parsed.problems()) {
            // the next report's window overlaps this one: the same bad row is kept once, by its content
            String raw = problem.rawLine() == null ? "" : problem.rawLine();
            quarantine.keepOnce("amazon:" + account, "report row " + fingerprint(raw), "returns report " + reportId
                    + " line " + problem.line() + ": " + problem.reason(), raw);
        }
        List<List<ReturnReportRow>> returns = new ArrayList<>(AmazonReturnMapper.byReturn(parsed.rows()).values());
        exchange.setVariable(ROWS_READ, parsed.rows().size());
        exchange.setVariable(ROW_PROBLEMS, parsed.problems().size());
        exchange.setVariable(RETURNS_FOUND, returns.size());
        return returns;
    }

    /** Every return of the report is a case now (or quarantined): the checkpoint moves to the report's end. */
    @Transactional
    public void processed(@Variable(ACCOUNT) String account, @Variable(REPORT_ID) String reportId,
                          @Variable(ROWS_READ) int rowsRead, @Variable(RETURNS_FOUND) int returnsFound,
                          @Variable(ROW_PROBLEMS) int problems) {
        store.finish(account, reportId, "PROCESSED", rowsRead, returnsFound, problems, null);
        long opened = store.casesOpenedSinceRequested(account, reportId);
        // each window overlaps the last by a day: a report with nothing new is routine, not news
        String message = "Amazon {}: returns report {} processed: {} returns in {} rows ({} new), {} rows quarantined";
        if (opened > 0 || problems > 0) {
            log.info(message, account, reportId, returnsFound, rowsRead, opened, problems);
        } else {
            log.debug(message, account, reportId, returnsFound, rowsRead, opened, problems);
        }
    }

    /** CANCELLED: Amazon had no returns in the window. Not an error; the checkpoint moves on. */
    public void noData(@Variable(ACCOUNT) String account, @Variable(REPORT_ID) String reportId) {
        store.finish(account, reportId, "CANCELLED", 0, 0, 0, "no returns in the window");
        log.info("Amazon {}: returns report {} CANCELLED: no returns in its window", account, reportId);
    }

    /** FATAL: Amazon could not make the report. The checkpoint stays, so the next report covers the same window. */
    public String failed(@Variable(ACCOUNT) String account, @Variable(REPORT_ID) String reportId) {
        String message = "Amazon could not produce returns report " + reportId + " (processingStatus FATAL). The"
                + " window is asked for again in the next report; if this repeats, check the account in Seller Central.";
        store.failed(account, reportId, message);
        log.warn("{}: {}", account, message);
        return message;
    }

    /**
     * The data window of the next returns report: from a day before the checkpoint (or {@code initial-lookback}
     * before now, the first time) to now, but at most 60 days, so a long backlog is read report by report.
     */
    record Window(Instant start, Instant end) {

        static Window next(Optional<Instant> checkpoint, Instant now, Duration initialLookback) {
            Instant start = checkpoint.orElse(now.minus(initialLookback)).minus(OVERLAP);
            Instant end = min(now.truncatedTo(ChronoUnit.SECONDS), start.plus(MAX_WINDOW));
            return new Window(start, end);
        }
    }

    /** A short, stable name for a report row's content. */
    static String fingerprint(String row) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

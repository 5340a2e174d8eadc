package com.returnsgateway.adapter.sftp;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the SFTP forwarder routes call: the intercept batch to upload, and the processing of the results and status
 * files downloaded. Each downloaded file is processed once per forwarder and name, in one transaction with its claim
 * ({@code forwarder_file}): a crash half-way leaves nothing applied and the file is processed again; a second
 * instance or a repeated upload gets {@link FileReport.Status#DUPLICATE}. Bad rows are reported with their line and
 * the good ones applied.
 */
@Component
public class SftpForwarderFiles {

    private static final Logger log = LoggerFactory.getLogger(SftpForwarderFiles.class);
    static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JdbcProcessedFiles processedFiles;
    private final SftpInterceptResults results;
    private final LatestShipmentStatuses statuses;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public SftpForwarderFiles(JdbcProcessedFiles processedFiles, SftpInterceptResults results,
                              LatestShipmentStatuses statuses, PlatformTransactionManager transactionManager,
                              Clock clock) {
        this.processedFiles = processedFiles;
        this.results = results;
        this.statuses = statuses;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** {@code intercepts-<yyyyMMdd'T'HHmmssSSS'Z'>-<seq>.csv}; the sequence is unique across instances. */
    public String interceptBatchFileName() {
        return FileKind.INTERCEPT_REQUESTS.prefix() + NAME_TIME.format(clock.instant()) + "-"
                + processedFiles.nextSequence() + ".csv";
    }

    /** The CSV content of an intercept batch (header row, CRLF line ends); write it as UTF-8. */
    public String interceptBatchCsv(List<InterceptRequestRow> rows) {
        return SftpCsvFormats.writeInterceptRequests(rows);
    }

    /** Applies a {@code results-*.csv} file to the intercept requests; the report lists the cases answered. */
    public FileReport processResults(String forwarder, String fileName, String content) {
        return process(forwarder, fileName, content, FileKind.RESULTS, SftpCsvFormats::parseResults,
                (rows, errors, caseIds) -> {
                    int ok = 0;
                    for (ParsedFile.Line<ResultRow> line : rows) {
                        SftpInterceptResults.Applied applied = results.apply(forwarder, line.row());
                        if (applied.ok()) {
                            ok++;
                            if (applied.result() == SftpInterceptResults.Applied.Result.RECORDED) {
                                caseIds.add(applied.caseId());
                            }
                        } else {
                            errors.add(new RowError(line.line(), applied.problem()));
                        }
                    }
                    return ok;
                });
    }

    /** Records a {@code status-*.csv} file's events as the parcels' latest status (older events change nothing). */
    public FileReport processStatuses(String forwarder, String fileName, String content) {
        return process(forwarder, fileName, content, FileKind.STATUSES, SftpCsvFormats::parseStatuses,
                (rows, errors, caseIds) -> {
                    for (ParsedFile.Line<StatusRow> line : rows) {
                        statuses.record(forwarder, line.row());
                    }
                    return rows.size();
                });
    }

    /**
     * A file whose bytes cannot be read as a CSV file at all (not UTF-8, too large): recorded as processed and
     * REJECTED with the reason, so it goes to error/ with its report and is not read again.
     */
    public FileReport unreadable(String forwarder, String fileName, String reason) {
        FileKind kind = FileKind.of(fileName).orElse(FileKind.RESULTS);
        return process(forwarder, fileName, null, kind, content -> ParsedFile.<Object>rejected(reason),
                (rows, errors, caseIds) -> 0);
    }

    @FunctionalInterface
    private interface Applier<T> {
        /** Applies the good rows, adding a row error for each one it cannot use; returns how many it used. */
        int apply(List<ParsedFile.Line<T>> rows, List<RowError> errors, List<String> caseIds);
    }

    private <T> FileReport process(String forwarder, String fileName, String content, FileKind kind,
                                   Function<String, ParsedFile<T>> parser, Applier<T> applier) {
        Optional<String> badName = kind.problemWith(fileName);
        if (badName.isPresent()) {
            log.warn("Forwarder {}: refused a file with an invalid name: {}", forwarder, badName.get());
            return new FileReport(forwarder, fileName, kind, FileReport.Status.REJECTED, 0, 0, List.of(),
                    badName.get(), List.of());
        }
        FileReport report = transaction.execute(tx -> {
            if (!processedFiles.claim(forwarder, fileName)) {
                String before = processedFiles.find(forwarder, fileName)
                        .map(f -> f.status() + " at " + f.receivedAt()).orElse("before");
                return new FileReport(forwarder, fileName, kind, FileReport.Status.DUPLICATE, 0, 0, List.of(),
                        "this file was already processed (" + before + "); nothing was done again", List.of());
            }
            ParsedFile<T> parsed = parser.apply(content);
            FileReport result;
            if (parsed.rejected()) {
                result = new FileReport(forwarder, fileName, kind, FileReport.Status.REJECTED, 0, 0, List.of(),
                        parsed.rejectedReason(), List.of());
            } else {
                List<RowError> errors = new ArrayList<>(parsed.errors());
                List<String> caseIds = new ArrayList<>();
                int ok = applier.apply(parsed.rows(), errors, caseIds);
                errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
                FileReport.Status status = errors.isEmpty() ? FileReport.Status.PROCESSED
                        : ok == 0 ? FileReport.Status.REJECTED : FileReport.Status.PARTIAL;
                result = new FileReport(forwarder, fileName, kind, status, ok, errors.size(), errors,
                        status == FileReport.Status.REJECTED ? "no usable row" : null, caseIds);
            }
            processedFiles.complete(result);
            return result;
        });
        log.info("Forwarder {} file {}: {} ({} rows ok, {} failed)", forwarder, fileName, report.status(),
                report.rowsOk(), report.rowsFailed());
        return report;
    }
}

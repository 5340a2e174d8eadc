package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intercept.InterceptRepository;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.db.JdbcIdempotentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class SftpStoresTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    private final JdbcClient jdbc = TestDatabase.jdbc();
    private final Clock clock = Clock.systemUTC();
    private final JdbcProcessedFiles processedFiles = new JdbcProcessedFiles(jdbc, clock);
    private final LatestShipmentStatuses statuses = new LatestShipmentStatuses(jdbc, clock);
    private final CaseRepository caseRepository = new CaseRepository(jdbc, JsonMapper.builder().build());
    private final SftpInterceptResults results = new SftpInterceptResults(jdbc, new Cases(caseRepository, clock));
    private final SftpForwarderFiles files = new SftpForwarderFiles(processedFiles, results, statuses,
            TestDatabase.transactions(), clock);
    private final String forwarder = "fwd-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFileIsClaimedOnce() {
        assertThat(processedFiles.claim(forwarder, "results-1.csv")).isTrue();
        assertThat(processedFiles.claim(forwarder, "results-1.csv")).isFalse();
        assertThat(processedFiles.claim("other-" + forwarder, "results-1.csv")).isTrue();
        assertThat(processedFiles.find(forwarder, "results-1.csv")).get()
                .extracting(JdbcProcessedFiles.ProcessedFile::status, JdbcProcessedFiles.ProcessedFile::kind)
                .containsExactly("PROCESSING", FileKind.RESULTS);
        assertThatThrownBy(() -> processedFiles.claim(forwarder, "../results-1.csv"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLatestEventWinsWhateverTheOrderOfArrival() {
        assertThat(statuses.record(forwarder, new StatusRow("W1", "IN_WAREHOUSE", T.plusSeconds(60), "SZX")))
                .isTrue();
        assertThat(statuses.record(forwarder, new StatusRow("W1", "RECEIVED", T, "SZX"))).isFalse();
        assertThat(statuses.record(forwarder, new StatusRow("W1", "OTHER", T.plusSeconds(60), null))).isFalse();
        assertThat(statuses.find(forwarder, "W1")).get()
                .extracting(LatestShipmentStatuses.LatestStatus::statusCode,
                        LatestShipmentStatuses.LatestStatus::eventTime)
                .containsExactly("IN_WAREHOUSE", T.plusSeconds(60));
        assertThat(statuses.record(forwarder, new StatusRow("W1", "SHIPPED", T.plusSeconds(120), null))).isTrue();
        assertThat(statuses.find(forwarder, "W1").orElseThrow().statusCode()).isEqualTo("SHIPPED");
        assertThat(statuses.find(forwarder, "W2")).isEmpty();
    }

    @Test
    void idempotentRepositoryIsSharedAndPersistent() {
        JdbcIdempotentRepository one = new JdbcIdempotentRepository(jdbc, forwarder, clock);
        JdbcIdempotentRepository two = new JdbcIdempotentRepository(jdbc, forwarder, clock);
        JdbcIdempotentRepository elsewhere = new JdbcIdempotentRepository(jdbc, forwarder + "-x", clock);
        assertThat(one.add("outbound/results-1.csv")).isTrue();
        assertThat(two.add("outbound/results-1.csv")).isFalse();
        assertThat(two.contains("outbound/results-1.csv")).isTrue();
        assertThat(elsewhere.contains("outbound/results-1.csv")).isFalse();
        assertThat(two.remove("outbound/results-1.csv")).isTrue();
        assertThat(one.contains("outbound/results-1.csv")).isFalse();
        one.add("a");
        elsewhere.add("a");
        one.clear();
        assertThat(one.contains("a")).isFalse();
        assertThat(elsewhere.contains("a")).isTrue();
    }

    @Test
    void resultsAreAppliedOnceAndBadRowsReportedWithTheirLines() {
        String caseA = "RC-" + forwarder + "-A";
        String caseB = "RC-" + forwarder + "-B";
        TestDatabase.insertCase(caseA);
        TestDatabase.insertCase(caseB);
        InterceptRepository intercepts = new InterceptRepository(jdbc);
        intercepts.insertIfAbsent(caseA, "key:" + caseA, forwarder, "WA", T);
        intercepts.insertIfAbsent(caseB, "key:" + caseB, forwarder, "WB", T);
        String content = "request_id,waybill,outcome,code,message,answered_at\r\n"
                + "key:" + caseA + ",WA,ACCEPTED,SUCCESS,held,2026-11-20T09:00:00Z\r\n"      // line 2
                + "key:unknown,WX,ACCEPTED,SUCCESS,held,2026-11-20T09:00:00Z\r\n"            // line 3
                + "key:" + caseB + ",WRONG,REJECTED,DS000032,no,2026-11-20T09:00:00Z\r\n"    // line 4
                + "key:" + caseB + ",WB,REJECTED,DS000032,not in forecast,noon\r\n"          // line 5
                + "key:" + caseB + ",WB,REJECTED,DS000032,not in forecast,2026-11-20T09:00:00Z\r\n"; // line 6

        FileReport report = files.processResults(forwarder, "results-20261120T090000000Z-1.csv", content);

        assertThat(report.status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(report.rowsOk()).isEqualTo(2);
        assertThat(report.rowsFailed()).isEqualTo(3);
        assertThat(report.caseIds()).containsExactly(caseA, caseB);
        assertThat(report.errors()).extracting(RowError::line).containsExactly(3, 4, 5);
        assertThat(report.text()).contains("status: PARTIAL", "line 3: unknown request_id key:unknown",
                "line 4: waybill WRONG is not the waybill of request_id", "line 5: bad timestamp in answered_at");
        assertThat(intercepts.find(caseA).orElseThrow().outcome())
                .isEqualTo(new InterceptOutcome(InterceptOutcome.Result.ACCEPTED, "SUCCESS", "held"));
        assertThat(intercepts.find(caseB).orElseThrow().outcome().result())
                .isEqualTo(InterceptOutcome.Result.REJECTED);
        assertThat(caseRepository.timeline(caseA)).anySatisfy(e -> assertThat(e.message())
                .contains("Intercept of WA ACCEPTED (SUCCESS: held)"));
        assertThat(processedFiles.find(forwarder, "results-20261120T090000000Z-1.csv").orElseThrow())
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo("PARTIAL");
                    assertThat(f.rowsOk()).isEqualTo(2);
                    assertThat(f.rowsFailed()).isEqualTo(3);
                    assertThat(f.report()).contains("line 3: unknown request_id");
                });

        // the same file again: nothing done; the same answers under a new name: harmless; a different answer: refused
        assertThat(files.processResults(forwarder, "results-20261120T090000000Z-1.csv", content).status())
                .isEqualTo(FileReport.Status.DUPLICATE);
        FileReport again = files.processResults(forwarder, "results-again.csv",
                "request_id,waybill,outcome,answered_at\r\nkey:" + caseA + ",WA,ACCEPTED,2026-11-20T10:00:00Z\r\n"
                        + "key:" + caseB + ",WB,ACCEPTED,2026-11-20T10:00:00Z\r\n");
        assertThat(again.status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(again.caseIds()).isEmpty();
        assertThat(again.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("already answered REJECTED");
        });
        // another forwarder cannot answer this forwarder's requests
        assertThat(files.processResults("other-" + forwarder, "results-x.csv",
                "request_id,waybill,outcome,answered_at\r\nkey:" + caseA + ",WA,REJECTED,2026-11-20T10:00:00Z\r\n")
                .status()).isEqualTo(FileReport.Status.REJECTED);
    }

    @Test
    void aWrongHeaderOrNameRejectsTheFile() {
        FileReport wrongHeader = files.processStatuses(forwarder, "status-1.csv", "waybill;status;time\r\nW;X;Y\r\n");
        assertThat(wrongHeader.status()).isEqualTo(FileReport.Status.REJECTED);
        assertThat(wrongHeader.text()).contains("rejected: line 1: wrong header");
        assertThat(processedFiles.find(forwarder, "status-1.csv").orElseThrow().status()).isEqualTo("REJECTED");

        FileReport badName = files.processStatuses(forwarder, "../status-1.csv", "whatever");
        assertThat(badName.status()).isEqualTo(FileReport.Status.REJECTED);
        assertThat(badName.reportFileName()).startsWith("invalid-name-");
        FileReport wrongKind = files.processStatuses(forwarder, "results-1.csv", "whatever");
        assertThat(wrongKind.rejectedReason()).contains("status-<something>.csv");
    }

    @Test
    void statusFilesUpdateTheLatestStatus() {
        FileReport report = files.processStatuses(forwarder, "status-2.csv", "waybill,status_code,event_time,location\r\n"
                + "S1,RECEIVED,2026-11-20T08:00:00Z,Shenzhen\r\n"
                + "S1,IN_WAREHOUSE,2026-11-20T09:00:00Z,Shenzhen\r\n"
                + ",IN_WAREHOUSE,2026-11-20T09:00:00Z,\r\n"
                + "S2,RECEIVED,2026-11-20T08:00:00Z,\r\n");
        assertThat(report.status()).isEqualTo(FileReport.Status.PARTIAL);
        assertThat(report.rowsOk()).isEqualTo(3);
        assertThat(report.errors()).containsExactly(new RowError(4, "empty waybill"));
        assertThat(statuses.find(forwarder, "S1").orElseThrow().statusCode()).isEqualTo("IN_WAREHOUSE");
        assertThat(statuses.find(forwarder, "S2").orElseThrow().location()).isNull();
    }

    @Test
    void batchNamesAreUniqueAndWellFormed() {
        String first = files.interceptBatchFileName();
        String second = files.interceptBatchFileName();
        assertThat(first).matches("intercepts-\\d{8}T\\d{9}Z-\\d+\\.csv").isNotEqualTo(second);
        assertThat(FileKind.INTERCEPT_REQUESTS.accepts(first)).isTrue();
    }
}

package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.model.InterceptOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SftpCsvFormatsTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void interceptRequestsRoundTrip() {
        List<InterceptRequestRow> rows = List.of(
                new InterceptRequestRow("returns-gateway:RC-1:intercept", "SC0001", "Buyer asked, \"urgent\"", T),
                new InterceptRequestRow("returns-gateway:RC-2:intercept", "SC0002", null, T.plusMillis(5)));
        String csv = SftpCsvFormats.writeInterceptRequests(rows);
        assertThat(csv).startsWith("request_id,waybill,reason,requested_at\r\n"
                + "returns-gateway:RC-1:intercept,SC0001,\"Buyer asked, \"\"urgent\"\"\",2026-11-20T08:00:00Z\r\n");
        ParsedFile<InterceptRequestRow> parsed = SftpCsvFormats.parseInterceptRequests(csv);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.values()).isEqualTo(rows);
    }

    @Test
    void resultsKeepGoodRowsAndReportBadOnesWithTheirLines() {
        String csv = "\uFEFFrequest_id,waybill,outcome,code,message,answered_at,extra\r\n"
                + "k1,W1,ACCEPTED,SUCCESS,held,2026-11-20T08:00:00Z,ignored\r\n"                      // line 2
                + "k2,W2,MAYBE,X,,2026-11-20T08:00:00Z,\r\n"                                          // line 3
                + "k3,W3,REJECTED,DS000032,\"not in forecast,\r\nstatus V\",2026-11-20T08:00:00+08:00,\r\n" // 4-5
                + "k4,W4,rejected,,,yesterday,\r\n"                                                   // line 6
                + "k5,,ACCEPTED,,,2026-11-20T08:00:00Z,\r\n"                                          // line 7
                + "k6,W6,ACCEPTED\r\n"                                                                // line 8
                + "\r\n"                                                                              // line 9 blank
                + "k7,W7,ACCEPTED,,,2026-11-20T09:00:00Z,,surplus\r\n";                               // line 10
        ParsedFile<ResultRow> parsed = SftpCsvFormats.parseResults(csv);
        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.rows()).extracting(ParsedFile.Line::line).containsExactly(2, 4);
        assertThat(parsed.values().get(0)).isEqualTo(
                new ResultRow("k1", "W1", InterceptOutcome.Result.ACCEPTED, "SUCCESS", "held", T));
        assertThat(parsed.values().get(1).message()).isEqualTo("not in forecast,\r\nstatus V");
        assertThat(parsed.values().get(1).answeredAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(parsed.errors()).extracting(RowError::line).containsExactly(3, 6, 7, 8, 10);
        assertThat(parsed.errors().get(0).reason()).contains("bad outcome 'MAYBE'");
        assertThat(parsed.errors().get(1).reason()).contains("bad timestamp in answered_at: 'yesterday'");
        assertThat(parsed.errors().get(2).reason()).isEqualTo("empty waybill");
        assertThat(parsed.errors().get(3).reason()).startsWith("missing column");
        assertThat(parsed.errors().get(4).reason()).contains("8 fields but the header has 7");
    }

    @Test
    void columnsInAnyOrderAndOptionalOnesMayBeAbsent() {
        ParsedFile<StatusRow> parsed = SftpCsvFormats.parseStatuses(
                "Event_Time,WAYBILL,status_code\n2026-11-20T08:00:00Z,W1,IN_WAREHOUSE\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.values()).containsExactly(new StatusRow("W1", "IN_WAREHOUSE", T, null));
    }

    @Test
    void aWrongHeaderRejectsTheWholeFile() {
        assertThat(SftpCsvFormats.parseStatuses("waybill,status,event_time\r\nW1,X,2026-11-20T08:00:00Z\r\n")
                .rejectedReason()).contains("missing column(s) status_code");
        assertThat(SftpCsvFormats.parseResults("").rejectedReason()).contains("empty");
        assertThat(SftpCsvFormats.parseResults("\r\n\r\n").rejectedReason()).contains("empty");
        assertThat(SftpCsvFormats.parseStatuses("waybill,waybill,status_code,event_time\r\n").rejectedReason())
                .contains("appears twice");
        // a results header given to the status reader
        ParsedFile<StatusRow> wrongKind = SftpCsvFormats.parseStatuses(
                "request_id,waybill,outcome,code,message,answered_at\r\n");
        assertThat(wrongKind.rejected()).isTrue();
        assertThat(wrongKind.rows()).isEmpty();
    }

    @Test
    void aHeaderOnlyFileHasNoRowsAndNoErrors() {
        ParsedFile<StatusRow> parsed = SftpCsvFormats.parseStatuses("waybill,status_code,event_time,location\r\n");
        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).isEmpty();
    }

    @Test
    void idsWithSpacesOrTooLongAreRowErrors() {
        ParsedFile<StatusRow> parsed = SftpCsvFormats.parseStatuses("waybill,status_code,event_time\r\n"
                + "W 1,X,2026-11-20T08:00:00Z\r\n" + "W".repeat(129) + ",X,2026-11-20T08:00:00Z\r\n"
                + "W3,,2026-11-20T08:00:00Z\r\n" + "W4,X,\r\n");
        assertThat(parsed.errors()).extracting(RowError::reason).containsExactly(
                "waybill must not contain spaces or line breaks: 'W 1'", "waybill is longer than 128 characters",
                "empty status_code", "empty event_time");
    }

    @Test
    void resultsAndStatusesRoundTrip() {
        List<ResultRow> results = List.of(new ResultRow("k", "W", InterceptOutcome.Result.REJECTED, "DS000031",
                "product cannot be intercepted", T));
        assertThat(SftpCsvFormats.parseResults(SftpCsvFormats.writeResults(results)).values()).isEqualTo(results);
        List<StatusRow> statuses = List.of(new StatusRow("W", "RECEIVED", T, "Shenzhen, CN"));
        assertThat(SftpCsvFormats.parseStatuses(SftpCsvFormats.writeStatuses(statuses)).values())
                .isEqualTo(statuses);
    }
}

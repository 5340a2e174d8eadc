package com.returnsgateway.adapter.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.adapter.amazon.AmazonReturnReports.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.750Z");

    @Test
    void theFirstReportReachesBackTheInitialLookbackAndADay() {
        Window window = Window.next(Optional.empty(), NOW, Duration.ofDays(30));

        assertThat(window.start()).isEqualTo(Instant.parse("2026-10-26T08:00:00.750Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void aBacklogLongerThanSixtyDaysIsReadReportByReport() {
        Window first = Window.next(Optional.empty(), NOW, Duration.ofDays(120));
        assertThat(Duration.between(first.start(), first.end())).isEqualTo(Duration.ofDays(60));

        // the checkpoint moves to the end of a processed report; the next one starts a day before it
        Window second = Window.next(Optional.of(first.end()), NOW, Duration.ofDays(120));
        assertThat(second.start()).isEqualTo(first.end().minus(Duration.ofDays(1)));
        assertThat(Duration.between(second.start(), second.end())).isEqualTo(Duration.ofDays(60));

        Window third = Window.next(Optional.of(second.end()), NOW, Duration.ofDays(120));
        assertThat(third.end()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(third.start()).isBefore(third.end());
    }

    @Test
    void aRecentCheckpointAsksForTheLastDayOrSo() {
        Window window = Window.next(Optional.of(Instant.parse("2026-11-26T07:45:00Z")), NOW, Duration.ofDays(30));

        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-25T07:45:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }
}

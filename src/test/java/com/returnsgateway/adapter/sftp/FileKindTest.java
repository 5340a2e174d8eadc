package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileKindTest {

    @ParameterizedTest
    @ValueSource(strings = {"results-20261120T080000000Z-1.csv", "results-a.csv", "results-A_b.c-9.csv"})
    void acceptsSafeNamesWithThePrefix(String name) {
        assertThat(FileKind.RESULTS.problemWith(name)).isEmpty();
        assertThat(Pattern.matches(FileKind.RESULTS.includePattern(), name)).isTrue();
        assertThat(FileKind.of(name)).contains(FileKind.RESULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "results-.csv", "results-x.txt", "status-x.csv", "../results-x.csv",
            "results-../../etc.csv", "results-x/y.csv", "results-x\\y.csv", "results-x .csv", "results-x\u0000.csv",
            ".inprogress-results-x.csv", "results-x.csv.tmp", "results-ä.csv", "RESULTS-x.csv"})
    void refusesEverythingElse(String name) {
        assertThat(FileKind.RESULTS.problemWith(name)).isPresent();
        assertThat(Pattern.matches(FileKind.RESULTS.includePattern(), name) && !name.contains("..")).isFalse();
    }

    @Test
    void refusesAbsurdlyLongNames() {
        String name = "results-" + "x".repeat(92) + ".csv";
        assertThat(name).hasSize(104);
        assertThat(FileKind.RESULTS.problemWith(name)).get().asString().contains("1 to 100");
        assertThat(Pattern.matches(FileKind.RESULTS.includePattern(), name)).isFalse();
        assertThat(FileKind.RESULTS.problemWith(null)).isPresent();
    }

    @Test
    void reportNamesNeverCarryAnInvalidRemoteName() {
        FileReport good = new FileReport("f", "results-1.csv", FileKind.RESULTS, FileReport.Status.PROCESSED, 0, 0,
                List.of(), null, List.of());
        assertThat(good.reportFileName()).isEqualTo("results-1.csv.report.txt");
        FileReport bad = new FileReport("f", "../../etc/passwd", FileKind.RESULTS, FileReport.Status.REJECTED, 0, 0,
                List.of(), "bad name", List.of());
        assertThat(bad.reportFileName()).matches("invalid-name-[0-9a-f]{12}\\.report\\.txt");
    }
}

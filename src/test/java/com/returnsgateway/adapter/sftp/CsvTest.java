package com.returnsgateway.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhatNeedsQuotingAndReadsItBack() {
        List<String> header = List.of("a", "b", "c");
        List<List<String>> rows = List.of(
                List.of("plain", "with, comma", "with \"quotes\""),
                List.of("multi\nline", "", "crlf\r\ninside"),
                Arrays.asList("中文", null, " spaced "));
        String csv = Csv.write(header, rows);
        assertThat(csv).startsWith("a,b,c\r\nplain,\"with, comma\",\"with \"\"quotes\"\"\"\r\n");

        List<Csv.Record> read = Csv.read(csv);
        assertThat(read).extracting(Csv.Record::fields).containsExactly(header, rows.get(0), rows.get(1),
                List.of("中文", "", " spaced "));
        assertThat(read).extracting(Csv.Record::error).containsOnlyNulls();
        // the second data row has two line breaks inside quotes: it spans lines 3 to 5
        assertThat(read).extracting(Csv.Record::line).containsExactly(1, 2, 3, 6);
    }

    @Test
    void skipsABomAndAcceptsLfAndMissingFinalLineBreak() {
        List<Csv.Record> read = Csv.read("\uFEFFx,y\nx1,y1\n\nx2,\"y2\"");
        assertThat(read).extracting(Csv.Record::fields)
                .containsExactly(List.of("x", "y"), List.of("x1", "y1"), List.of(""), List.of("x2", "y2"));
        assertThat(read.get(2).blank()).isTrue();
        assertThat(read).extracting(Csv.Record::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void emptyTrailingFieldsAndEmptyQuotedFields() {
        assertThat(Csv.read("a,,\r\n\"\",b,\"\"\r\n")).extracting(Csv.Record::fields)
                .containsExactly(List.of("a", "", ""), List.of("", "b", ""));
    }

    @Test
    void aStrayQuoteSpoilsOnlyItsRecord() {
        List<Csv.Record> read = Csv.read("h1,h2\r\n\"bad\"x,1\r\nok,2\r\n");
        assertThat(read).hasSize(3);
        assertThat(read.get(1).line()).isEqualTo(2);
        assertThat(read.get(1).error()).contains("closing quote");
        assertThat(read.get(2)).isEqualTo(new Csv.Record(3, List.of("ok", "2"), null));
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItStarts() {
        List<Csv.Record> read = Csv.read("h\r\nok\r\n\"never closed\r\nmore\r\n");
        assertThat(read).hasSize(3);
        assertThat(read.get(2).line()).isEqualTo(3);
        assertThat(read.get(2).error()).contains("not closed");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptLiterally() {
        assertThat(Csv.read("5\" disk,x\r\n").get(0).fields()).containsExactly("5\" disk", "x");
    }
}

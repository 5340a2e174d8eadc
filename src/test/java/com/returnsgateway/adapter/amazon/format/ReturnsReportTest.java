package com.returnsgateway.adapter.amazon.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.adapter.amazon.format.ReturnsReport.Parsed;
import com.returnsgateway.adapter.amazon.format.ReturnsReport.RowProblem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnsReportTest {

    /** The columns every row needs, then whatever column a test is about. */
    private static final String REQUIRED =
            "Order ID\tAmazon RMA ID\tReturn request date\tMerchant SKU\tReturn quantity";
    private static final String REQUIRED_CELLS = "114-1\tRMA1\t2026-11-20T08:15:00Z\tSKU-1\t1";

    static Parsed fixture() {
        try (Reader reader = new InputStreamReader(
                ReturnsReportTest.class.getResourceAsStream("/amazon/returns-report.tsv"), StandardCharsets.UTF_8)) {
            return ReturnsReport.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parsed parse(String content) {
        return ReturnsReport.parse(new StringReader(content));
    }

    /** A report with the required columns plus {@code column}, and one row with {@code value} in it. */
    private static Parsed oneCell(String column, String value) {
        return parse(REQUIRED + "\t" + column + "\n" + REQUIRED_CELLS + "\t" + value + "\n");
    }

    @Test
    void theFixtureHasSixGoodRowsAndTwoProblems() {
        Parsed parsed = fixture();

        assertThat(parsed.rows()).extracting(ReturnReportRow::line).containsExactly(2, 3, 4, 5, 6, 9);
        assertThat(parsed.rows()).extracting(ReturnReportRow::amazonRmaId)
                .containsExactly("DhJ3sTRMA1", "DhJ3sTRMA1", "JpRMA0002", "CnRMA0003", "EuRMA0004", "UsRMA0006");
        assertThat(parsed.problems()).extracting(RowProblem::line).containsExactly(7, 8);
    }

    @Test
    void everyColumnOfAFullRowIsRead() {
        ReturnReportRow row = fixture().rows().get(0);

        assertThat(row.line()).isEqualTo(2);
        assertThat(row.orderId()).isEqualTo("114-3941689-8772232");
        assertThat(row.orderDate()).isEqualTo(Instant.parse("2026-11-10T14:02:11Z"));
        assertThat(row.returnRequestDate()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        assertThat(row.returnRequestStatus()).isEqualTo("Approved");
        assertThat(row.amazonRmaId()).isEqualTo("DhJ3sTRMA1");
        assertThat(row.merchantRmaId()).isEqualTo("MR-1001");
        assertThat(row.labelType()).isEqualTo("AmazonPrePaidLabel");
        assertThat(row.labelCost()).isEqualByComparingTo("5.99");
        assertThat(row.currencyCode()).isEqualTo("USD");
        assertThat(row.returnCarrier()).isEqualTo("UPS");
        assertThat(row.trackingId()).isEqualTo("1Z999AA10123456784");
        assertThat(row.labelToBePaidBy()).isEqualTo("Seller");
        assertThat(row.aToZClaim()).isFalse();
        assertThat(row.prime()).isTrue();
        assertThat(row.asin()).isEqualTo("B0CMUGRED1");
        assertThat(row.merchantSku()).isEqualTo("MUG-RED");
        assertThat(row.itemName()).isEqualTo("Red mug, 350 ml");
        assertThat(row.returnQuantity()).isEqualTo(2);
        assertThat(row.returnReason()).isEqualTo("CR-DEFECTIVE");
        assertThat(row.inPolicy()).isTrue();
        assertThat(row.returnType()).isEqualTo("C-Returns");
        assertThat(row.resolution()).isEqualTo("StandardRefund");
        assertThat(row.invoiceNumber()).isEqualTo("INV-2026-0042");
        assertThat(row.returnDeliveryDate()).isEqualTo(Instant.parse("2026-11-24T16:40:00Z"));
        assertThat(row.orderAmount()).isEqualByComparingTo("24.00");
        assertThat(row.orderQuantity()).isEqualTo(2);
        assertThat(row.safetActionReason()).isEqualTo("Label not scanned");
        assertThat(row.safetClaimId()).isEqualTo("SFT-100200");
        assertThat(row.safetClaimState()).isEqualTo("Under review");
        assertThat(row.safetClaimCreationTime()).isEqualTo(Instant.parse("2026-11-25T14:30:00Z"));
        assertThat(row.safetClaimReimbursementAmount()).isEqualByComparingTo("5.99");
        assertThat(row.refundedAmount()).isEqualByComparingTo("24.00");
    }

    @Test
    void theSecondItemOfATwoItemReturnHasItsOwnRowWithAQuotedTitle() {
        ReturnReportRow row = fixture().rows().get(1);

        assertThat(row.amazonRmaId()).isEqualTo("DhJ3sTRMA1");
        assertThat(row.merchantSku()).isEqualTo("PLATE-1");
        assertThat(row.itemName()).isEqualTo("Plate \"Classic\" 10\"");
        assertThat(row.orderAmount()).isEqualByComparingTo("9.99");
        assertThat(row.returnDeliveryDate()).isNull();
        assertThat(row.safetClaimId()).isNull();
        assertThat(row.refundedAmount()).isNull();
    }

    @Test
    void aJapaneseRowKeepsItsTitleAndReadsYenAndAmazonsDayMonthYear() {
        ReturnReportRow row = fixture().rows().get(2);

        assertThat(row.itemName()).isEqualTo("陶器のマグカップ 赤");
        assertThat(row.orderDate()).isEqualTo(Instant.parse("2026-11-12T00:00:00Z"));
        assertThat(row.returnRequestDate()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(row.labelCost()).isEqualByComparingTo("600");
        assertThat(row.orderAmount()).isEqualByComparingTo("1500");
        assertThat(row.safetClaimCreationTime()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        assertThat(row.safetClaimReimbursementAmount()).isEqualByComparingTo("1500");
        assertThat(row.merchantRmaId()).isNull();
    }

    @Test
    void aChineseRowWithOnlyTheRequiredCellsHasNullsElsewhere() {
        ReturnReportRow row = fixture().rows().get(3);

        assertThat(row.itemName()).isEqualTo("红色陶瓷杯（两只装）");
        assertThat(row.returnRequestDate()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(row.orderDate()).isNull();
        assertThat(row.returnRequestStatus()).isNull();
        assertThat(row.labelCost()).isNull();
        assertThat(row.currencyCode()).isNull();
        assertThat(row.aToZClaim()).isNull();
        assertThat(row.prime()).isNull();
        assertThat(row.inPolicy()).isNull();
        assertThat(row.returnReason()).isNull();
        assertThat(row.orderAmount()).isNull();
        assertThat(row.orderQuantity()).isNull();
    }

    @Test
    void anAccentedQuotedTitleAndAThousandsSeparatorAreRead() {
        ReturnReportRow row = fixture().rows().get(4);

        assertThat(row.itemName()).isEqualTo("Crème brûlée set – Ästhetik édition");
        assertThat(row.orderAmount()).isEqualByComparingTo("1299.00");
        assertThat(row.returnRequestDate()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(row.aToZClaim()).isTrue();
        assertThat(row.inPolicy()).isFalse();
        assertThat(row.resolution()).isEqualTo("Replace");
        assertThat(row.refundedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void flagsWrittenAsWordsAndFractionalSecondsAreRead() {
        ReturnReportRow row = fixture().rows().get(5);

        assertThat(row.returnRequestDate()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
        assertThat(row.aToZClaim()).isFalse();
        assertThat(row.prime()).isTrue();
        assertThat(row.inPolicy()).isTrue();
        assertThat(row.returnQuantity()).isEqualTo(3);
    }

    @Test
    void badRowsNameEveryBadColumnAndValueAndKeepTheLineAsItWas() {
        List<RowProblem> problems = fixture().problems();

        assertThat(problems.get(0).reason())
                .contains("Order date 'yesterday' is not a date")
                .contains("Return quantity '0' must be more than zero");
        assertThat(problems.get(0).rawLine()).startsWith("114-0000000-0000007\tyesterday\t");
        assertThat(problems.get(1).reason())
                .contains("Amazon RMA ID is empty")
                .contains("Label cost '12,50' is not an amount");
        assertThat(problems.get(1).rawLine()).contains("SKU-8");
        assertThat(problems.get(1)).hasToString("line 8: " + problems.get(1).reason());
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWhateverTheirCaseAndUnknownColumnsAreIgnored() {
        Parsed parsed = parse("""
                 merchant sku \tSomething new\tRETURN QUANTITY\tamazon_rma_id\tItem Name\tReturn Request Date\torder-id
                SKU-9\tignored\t4\tRMA9\tTeapot\t2026-11-20\t114-9
                """);

        assertThat(parsed.problems()).isEmpty();
        ReturnReportRow row = parsed.rows().get(0);
        assertThat(row.merchantSku()).isEqualTo("SKU-9");
        assertThat(row.returnQuantity()).isEqualTo(4);
        assertThat(row.amazonRmaId()).isEqualTo("RMA9");
        assertThat(row.itemName()).isEqualTo("Teapot");
        assertThat(row.orderId()).isEqualTo("114-9");
        assertThat(row.asin()).isNull();
    }

    @Test
    void aHeaderWithoutARequiredColumnIsOneProblemOnLineOneAndNoRows() {
        Parsed parsed = parse("Order ID\tReturn request date\tReturn quantity\n114-1\t2026-11-20\t1\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.reason()).contains("Amazon RMA ID, Merchant SKU").contains("no row was read");
            assertThat(problem.rawLine()).isEqualTo("Order ID\tReturn request date\tReturn quantity");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "\uFEFF"})
    void anEmptyReportIsOneProblem(String content) {
        Parsed parsed = parse(content);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.reason()).contains("empty");
        });
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreTolerated() {
        Parsed parsed = parse("\uFEFF" + REQUIRED + "\r\n" + REQUIRED_CELLS + "\r\n" + REQUIRED_CELLS + "\r\n\r\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        assertThat(parsed.rows().get(1).returnQuantity()).isEqualTo(1);
        assertThat(parsed.rows().get(1).line()).isEqualTo(3);
    }

    @Test
    void headerCellsMayBeQuoted() {
        Parsed parsed = parse("\"Order ID\"\t\"Amazon RMA ID\"\tReturn request date\tMerchant SKU\tReturn quantity\n"
                + REQUIRED_CELLS + "\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).hasSize(1);
    }

    @Test
    void blankLinesInTheMiddleAreSkippedButCountedForLineNumbers() {
        Parsed parsed = parse(REQUIRED + "\n\n" + REQUIRED_CELLS + "\n \t \n" + "114-2\t\t2026-11-20\tSKU\t1\n");

        assertThat(parsed.rows()).extracting(ReturnReportRow::line).containsExactly(3);
        assertThat(parsed.problems()).extracting(RowProblem::line).containsExactly(5);
    }

    @Test
    void aRowShorterThanTheHeaderHasItsMissingCellsEmpty() {
        Parsed parsed = parse(REQUIRED + "\tItem Name\n" + REQUIRED_CELLS + "\n" + "114-2\tRMA2\n");

        assertThat(parsed.rows()).singleElement().satisfies(row -> assertThat(row.itemName()).isNull());
        assertThat(parsed.problems()).singleElement().satisfies(problem -> assertThat(problem.reason())
                .isEqualTo("Return request date is empty; Merchant SKU is empty; Return quantity is empty"));
    }

    @Test
    void everyRequiredCellIsNamedWhenEmpty() {
        Parsed parsed = parse(REQUIRED + "\n\t\t\t\tx\n");

        assertThat(parsed.problems()).singleElement().satisfies(problem -> assertThat(problem.reason())
                .isEqualTo("Order ID is empty; Return request date is empty; Amazon RMA ID is empty;"
                        + " Merchant SKU is empty; Return quantity 'x' is not a whole number"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-20T08:15:00+00:00 | 2026-11-20T08:15:00Z",
            "2026-11-20T08:15:00-08:00 | 2026-11-20T16:15:00Z",
            "2026-11-20T08:15:00Z      | 2026-11-20T08:15:00Z",
            "2026-11-20T08:15:00.5Z    | 2026-11-20T08:15:00.500Z",
            "2026-11-20                | 2026-11-20T00:00:00Z",
            "20-Nov-2026               | 2026-11-20T00:00:00Z",
            "5-Oct-2026                | 2026-10-05T00:00:00Z",
            "20-OCT-2026               | 2026-10-20T00:00:00Z",
            "Nov 20, 2026              | 2026-11-20T00:00:00Z",
            "Sep 3, 2026               | 2026-09-03T00:00:00Z",
    })
    void datesInEveryKnownFormAreRead(String cell, String expected) {
        Parsed parsed = oneCell("Order date", cell);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).orderDate()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T08:15:00", "2026-02-30", "31-Feb-2026", "20/11/2026", "Nov 20 2026",
            "tomorrow"})
    void aDateInAnUnknownFormIsAProblemNamingTheColumnAndValue(String cell) {
        Parsed parsed = oneCell("Return delivery date", cell);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> assertThat(problem.reason())
                .startsWith("Return delivery date '" + cell + "' is not a date"));
    }

    @Test
    void anUnreadableReturnRequestDateIsAProblemToo() {
        Parsed parsed = parse(REQUIRED + "\n114-1\tRMA1\t2026-13-01\tSKU-1\t1\n");

        assertThat(parsed.problems()).singleElement().satisfies(problem -> assertThat(problem.reason())
                .startsWith("Return request date '2026-13-01' is not a date"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.99       | 12.99",
            "1,299.00    | 1299.00",
            "1,234,567.5 | 1234567.5",
            "$12.99      | 12.99",
            "¥1,500      | 1500",
            "€ 1,299.00  | 1299.00",
            "£7          | 7",
            "12.99 USD   | 12.99",
            "USD 12.99   | 12.99",
            "-3.50       | -3.50",
            "0           | 0",
            "'\"9.99\"'  | 9.99",
    })
    void amountsWithSeparatorsAndCurrencySignsAreRead(String cell, String expected) {
        Parsed parsed = oneCell("Order Amount", cell);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).orderAmount()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,50", "1.299,00", "1,29.00", "twelve", "12.99.1", "$", "1 299 00x", "12abc",
            "ABC 12", "12 usd", "USD12USDx"})
    void anAmountThatCannotBeReadIsAProblemNamingTheColumnAndValue(String cell) {
        Parsed parsed = oneCell("Refunded Amount", cell);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> assertThat(problem.reason())
                .startsWith("Refunded Amount '" + cell + "' is not an amount"));
    }

    @Test
    void aDecimalCommaIsRefusedWithAHint() {
        assertThat(oneCell("Label cost", "12,50").problems().get(0).reason()).contains("decimal commas are not read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "two", "99999999999"})
    void aReturnQuantityThatIsNotAPositiveWholeNumberIsAProblem(String cell) {
        Parsed parsed = parse(REQUIRED + "\n114-1\tRMA1\t2026-11-20\tSKU-1\t" + cell + "\n");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems().get(0).reason()).startsWith("Return quantity '" + cell + "'");
    }

    @Test
    void anEmptyOrderQuantityIsNullAndANegativeOneAProblem() {
        assertThat(oneCell("Order quantity", "").rows().get(0).orderQuantity()).isNull();
        assertThat(oneCell("Order quantity", "0").rows().get(0).orderQuantity()).isZero();
        assertThat(oneCell("Order quantity", "-2").problems().get(0).reason())
                .isEqualTo("Order quantity '-2' must be at least 0");
    }

    @ParameterizedTest
    @CsvSource({"Y,true", "y,true", "Yes,true", "TRUE,true", "1,true", "N,false", "no,false", "False,false", "0,false"})
    void flagsAreReadInTheirUsualSpellings(String cell, boolean expected) {
        assertThat(oneCell("A-to-Z Claim", cell).rows().get(0).aToZClaim()).isEqualTo(expected);
        assertThat(oneCell("Is prime", cell).rows().get(0).prime()).isEqualTo(expected);
        assertThat(oneCell("In policy", cell).rows().get(0).inPolicy()).isEqualTo(expected);
    }

    @Test
    void aFlagThatIsNeitherYesNorNoIsAProblem() {
        assertThat(oneCell("In policy", "maybe").problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).isEqualTo("In policy 'maybe' is not Y or N"));
    }

    @Test
    void quotesAroundACellAreRemovedOnceAndDoubledQuotesInsideAreOne() {
        assertThat(oneCell("Item Name", "\"He said \"\"hi\"\"\"").rows().get(0).itemName()).isEqualTo("He said \"hi\"");
        assertThat(oneCell("Item Name", "\"\"").rows().get(0).itemName()).isNull();
        assertThat(oneCell("Item Name", "12\" ruler").rows().get(0).itemName()).isEqualTo("12\" ruler");
        assertThat(oneCell("Item Name", "  spaced  ").rows().get(0).itemName()).isEqualTo("spaced");
    }

    @Test
    void theFirstOfTwoColumnsWithTheSameNameIsRead() {
        Parsed parsed = parse(REQUIRED + "\tItem Name\tItem Name\n" + REQUIRED_CELLS + "\tfirst\tsecond\n");

        assertThat(parsed.rows().get(0).itemName()).isEqualTo("first");
    }

    @Test
    void theKnownColumnsAreAmazonsThirtyTwo() {
        assertThat(ReturnsReport.columns()).hasSize(32).startsWith("Order ID", "Order date")
                .endsWith("Refunded Amount");
    }

    @Test
    void aReaderThatFailsIsAnUncheckedIoException() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> ReturnsReport.parse(broken))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("connection reset");
    }
}

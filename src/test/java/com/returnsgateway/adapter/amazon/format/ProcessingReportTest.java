package com.returnsgateway.adapter.amazon.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.returnsgateway.adapter.amazon.format.ProcessingReport.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessingReportTest {

    private static byte[] fixture() {
        try (InputStream in = ProcessingReportTest.class.getResourceAsStream("/amazon/processing-report.xml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report around {@code summaryAndResults} (the inside of ProcessingReport after StatusCode). */
    private static String report(String summaryAndResults) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope>
                  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header>
                  <MessageType>ProcessingReport</MessageType>
                  <Message><MessageID>1</MessageID><ProcessingReport>
                    <DocumentTransactionID>1</DocumentTransactionID>
                    <StatusCode>Complete</StatusCode>
                    %s
                  </ProcessingReport></Message>
                </AmazonEnvelope>
                """.formatted(summaryAndResults);
    }

    private static String summary(int processed, int successful, int errors) {
        return "<ProcessingSummary><MessagesProcessed>" + processed + "</MessagesProcessed><MessagesSuccessful>"
                + successful + "</MessagesSuccessful><MessagesWithError>" + errors + "</MessagesWithError>"
                + "<MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>";
    }

    @Test
    void aReportWithOneRejectedMessageSaysWhichAndWhy() {
        ProcessingReport report = ProcessingReport.parse(fixture());

        assertThat(report.documentTransactionId()).isEqualTo("50012345678");
        assertThat(report.statusCode()).isEqualTo("Complete");
        assertThat(report.messagesProcessed()).isEqualTo(3);
        assertThat(report.messagesSuccessful()).isEqualTo(2);
        assertThat(report.messagesWithError()).isEqualTo(1);
        assertThat(report.messagesWithWarning()).isEqualTo(1);
        assertThat(report.accepted(1)).isTrue();
        assertThat(report.accepted(2)).isFalse();
        assertThat(report.accepted(3)).as("a warning does not stop a message").isTrue();
        assertThat(report.errorsByMessageId()).containsOnlyKeys(2);
        assertThat(report.errorsByMessageId().get(2)).isEqualTo(new Result(2, "Error", "18028",
                "The data you submitted is incomplete or invalid: the adjustment for order item 52986411826455"
                        + " exceeds the amount charged."));
    }

    @Test
    void aReportThatAccountsForEveryMessageSentCoversTheFeed() {
        assertThat(ProcessingReport.parse(fixture()).coverageProblem(List.of(1, 2, 3))).isEmpty();
        assertThat(ProcessingReport.parse(report(summary(2, 2, 0))).coverageProblem(List.of(1, 2))).isEmpty();
    }

    @Test
    void aShortReportDoesNotCoverTheFeed() {
        // Amazon processed two of three: "no error" for the third proves nothing
        assertThat(ProcessingReport.parse(report(summary(2, 2, 0))).coverageProblem(List.of(1, 2, 3)))
                .contains("MessagesProcessed is 2 but 3 messages were sent");
        assertThat(ProcessingReport.parse(report(summary(0, 0, 0))).coverageProblem(List.of(1)))
                .contains("MessagesProcessed is 0 but 1 messages were sent");
    }

    @Test
    void countsThatDoNotAddUpDoNotCoverTheFeed() {
        assertThat(ProcessingReport.parse(report(summary(3, 3, 1) + error(2))).coverageProblem(List.of(1, 2, 3)))
                .contains("MessagesSuccessful 3 + MessagesWithError 1 do not add up to MessagesProcessed 3");
        assertThat(ProcessingReport.parse(report(summary(3, 2, 1))).coverageProblem(List.of(1, 2, 3)))
                .as("one error counted, none listed").contains("MessagesWithError is 1 but errors are listed for 0"
                        + " messages []");
        assertThat(ProcessingReport.parse(report(summary(2, 2, 0).replace("<MessagesWithWarning>0",
                "<MessagesWithWarning>3"))).coverageProblem(List.of(1, 2)))
                .contains("MessagesWithWarning 3 is more than MessagesProcessed 2");
    }

    @Test
    void anErrorForAMessageNotSentDoesNotCoverTheFeed() {
        assertThat(ProcessingReport.parse(report(summary(2, 1, 1) + error(7))).coverageProblem(List.of(1, 2)))
                .contains("errors name MessageID [7], which were not sent");
    }

    @Test
    void anErrorAboutTheWholeDocumentCoversEveryMessageAsRejected() {
        ProcessingReport report = ProcessingReport.parse(report(summary(2, 0, 2) + error(0)));

        assertThat(report.coverageProblem(List.of(1, 2))).isEmpty();
        assertThat(report.accepted(1)).isFalse();
        assertThat(report.accepted(2)).isFalse();
    }

    private static String error(int messageId) {
        return "<Result><MessageID>" + messageId + "</MessageID><ResultCode>Error</ResultCode>"
                + "<ResultMessageCode>18028</ResultMessageCode><ResultDescription>refused</ResultDescription></Result>";
    }

    @Test
    void warningsAreResultsToo() {
        ProcessingReport report = ProcessingReport.parse(fixture());

        assertThat(report.results()).extracting(Result::messageId, Result::resultCode, Result::isError)
                .containsExactly(tuple(2, "Error", true), tuple(3, "Warning", false));
        assertThat(report.results().get(1).description())
                .isEqualTo("Remboursement enregistré ; le délai de traitement peut atteindre 48 heures.");
    }

    @Test
    void theSameReportGivenAsTextReadsTheSame() {
        ProcessingReport fromText = ProcessingReport.parse(new String(fixture(), StandardCharsets.UTF_8));

        assertThat(fromText).isEqualTo(ProcessingReport.parse(fixture()));
    }

    @Test
    void aReportWithoutResultsAcceptsEveryMessage() {
        ProcessingReport report = ProcessingReport.parse(report(summary(2, 2, 0)));

        assertThat(report.results()).isEmpty();
        assertThat(report.errorsByMessageId()).isEmpty();
        assertThat(report.accepted(1)).isTrue();
        assertThat(report.accepted(2)).isTrue();
    }

    @Test
    void anErrorAboutTheWholeDocumentMeansNoMessageWasAccepted() {
        ProcessingReport report = ProcessingReport.parse(report(summary(0, 0, 1)
                + "<Result><MessageID>0</MessageID><ResultCode>Error</ResultCode>"
                + "<ResultMessageCode>5001</ResultMessageCode>"
                + "<ResultDescription>XML Parsing Fatal Error at Line 1</ResultDescription></Result>"));

        assertThat(report.accepted(1)).isFalse();
        assertThat(report.errorsByMessageId()).containsOnlyKeys(ProcessingReport.DOCUMENT);
    }

    @Test
    void aResultWithoutAMessageIdIsAboutTheDocument() {
        ProcessingReport report = ProcessingReport.parse(report(summary(0, 0, 1)
                + "<Result><ResultCode>Error</ResultCode></Result>"));

        assertThat(report.results()).containsExactly(new Result(0, "Error", null, null));
        assertThat(report.accepted(1)).isFalse();
    }

    @Test
    void theFirstErrorOfAMessageIsItsErrorAndEveryResultIsKept() {
        ProcessingReport report = ProcessingReport.parse(report(summary(1, 0, 1)
                + "<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultDescription>first"
                + "</ResultDescription></Result>"
                + "<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultDescription>second"
                + "</ResultDescription></Result>"));

        assertThat(report.errorsByMessageId().get(1).description()).isEqualTo("first");
        assertThat(report.results()).hasSize(2);
    }

    @Test
    void aMissingWarningCountIsZero() {
        ProcessingReport report = ProcessingReport.parse(report("<ProcessingSummary><MessagesProcessed>1"
                + "</MessagesProcessed><MessagesSuccessful>1</MessagesSuccessful><MessagesWithError>0"
                + "</MessagesWithError></ProcessingSummary>"));

        assertThat(report.messagesWithWarning()).isZero();
    }

    @Test
    void theDeclaredEncodingIsHonouredWhenGivenBytes() {
        String latin1 = report(summary(1, 0, 1) + "<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode>"
                + "<ResultDescription>Prix erroné</ResultDescription></Result>")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");

        ProcessingReport report = ProcessingReport.parse(latin1.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(report.results().get(0).description()).isEqualTo("Prix erroné");
    }

    @Test
    void aDoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE AmazonEnvelope [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<AmazonEnvelope>&e;</AmazonEnvelope>";

        assertThatThrownBy(() -> ProcessingReport.parse(xxe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an XML processing report: ")
                .hasMessageContaining("DOCTYPE is refused")
                .hasMessageNotContaining("root:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"header\":{\"reportType\":\"FEED_PROCESSING_REPORT\"}}", "  [ ]", "\uFEFF{}"})
    void aJsonReportIsRefusedAsJson(String json) {
        assertThatThrownBy(() -> ProcessingReport.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: the document is JSON (newer feed types report in JSON,"
                        + " which is not read here)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n"})
    void anEmptyDocumentIsRefused(String empty) {
        assertThatThrownBy(() -> ProcessingReport.parse(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: the document is empty");
    }

    @Test
    void textThatIsNotXmlIsRefused() {
        assertThatThrownBy(() -> ProcessingReport.parse("Internal Server Error"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an XML processing report: XML is not well-formed");
    }

    @Test
    void anotherXmlDocumentIsRefusedSayingWhatItIs() {
        assertThatThrownBy(() -> ProcessingReport.parse("<Error><Code>AccessDenied</Code></Error>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: the root element is <Error>, not <AmazonEnvelope>");
        String feed = report(summary(1, 1, 0)).replace("<MessageType>ProcessingReport", "<MessageType>OrderAdjustment");
        assertThatThrownBy(() -> ProcessingReport.parse(feed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: MessageType is 'OrderAdjustment', not 'ProcessingReport'");
    }

    @Test
    void aReportMissingItsPartsIsRefusedNamingThePart() {
        assertThatThrownBy(() -> ProcessingReport.parse(report("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: <ProcessingReport> has no <ProcessingSummary>");
        String noStatus = report(summary(1, 1, 0)).replace("<StatusCode>Complete</StatusCode>", "");
        assertThatThrownBy(() -> ProcessingReport.parse(noStatus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: <ProcessingReport> has no <StatusCode>");
        assertThatThrownBy(() -> ProcessingReport.parse("<AmazonEnvelope><MessageType>ProcessingReport</MessageType>"
                + "</AmazonEnvelope>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: <AmazonEnvelope> has no <Message>");
        assertThatThrownBy(() -> ProcessingReport.parse(report(summary(1, 0, 1) + "<Result><MessageID>1</MessageID>"
                + "</Result>")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: <Result> has no <ResultCode>");
    }

    @Test
    void aCountThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> ProcessingReport.parse(report(summary(1, 1, 0).replace(">1</MessagesProcessed",
                ">one</MessagesProcessed"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an XML processing report: MessagesProcessed 'one' is not a whole number");
    }
}

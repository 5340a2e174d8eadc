package com.returnsgateway.core.mail;

import static com.returnsgateway.core.label.LabelFixtures.americanBuyer;
import static com.returnsgateway.core.label.LabelFixtures.chineseBuyer;
import static com.returnsgateway.core.label.LabelFixtures.japaneseBuyer;
import static com.returnsgateway.core.label.LabelFixtures.returnCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;

class EmailComposerTest {

    /** The templates shipped with the application; tests run from the project root. */
    static final String TEMPLATES = "config/templates/mail/";
    static final byte[] LABEL = "%PDF-1.7 label".getBytes(StandardCharsets.US_ASCII);
    static final String HOSTILE = "<script>alert(1)</script>";

    private final EmailComposer composer = composer(TEMPLATES);

    static EmailComposer composer(String templatesDir) {
        return new EmailComposer(templatesDir, "Seller Returns <returns@seller.example>", "ops@seller.example",
                "https://console.seller.example/", "1m");
    }

    /** The terms a PARTIAL_REFUND_OFFER email needs; other kinds ignore them. */
    static final OfferTerms OFFER = new OfferTerms(Money.of("13.47", "EUR"),
            "https://console.seller.example/offers/t0ken.accept/accept",
            "https://console.seller.example/offers/t0ken.decline/decline", Instant.parse("2025-03-23T10:00:00Z"));

    static RefundInstruction refund(String caseId) {
        Instant at = Instant.parse("2025-03-20T10:00:00Z");
        return new RefundInstruction(7, caseId, caseId + "-refund-1", RefundInstruction.Kind.REFUND, RefundType.FULL,
                Money.of("44.90", "EUR"), RefundReason.RETURN_RECEIVED, RefundInstruction.Status.SENT, "MKT-RF-991",
                at, at);
    }

    @ParameterizedTest
    @EnumSource(value = EmailKind.class, names = {"OPERATIONS_TASK", "MANUAL_REVIEW", "OPERATIONS_ALERT"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyBuyerEmailNamesTheOrderAndGoesToTheBuyer(EmailKind kind) {
        ReturnCase returnCase = returnCase("C-2001", "RMA-2025-000200", americanBuyer());

        OutgoingEmail email = composer.buyerEmail(kind, returnCase, refund("C-2001"), LABEL, OFFER);

        assertThat(email.kind()).isEqualTo(kind);
        assertThat(email.caseId()).isEqualTo("C-2001");
        assertThat(email.from()).isEqualTo("Seller Returns <returns@seller.example>");
        assertThat(email.to()).isEqualTo("jane.doe@example.com");
        assertThat(email.subject()).contains("ORD-302-1234567").doesNotContain("{", "\r", "\n");
        assertThat(email.messageId()).isEqualTo("<C-2001." + kind.name().toLowerCase() + "@seller.example>");
        assertThat(email.textBody()).startsWith("Hello Jane Doe,");
        assertThat(email.htmlBody()).contains("Hello <span>Jane Doe</span>,");
        for (String body : List.of(email.textBody(), email.htmlBody())) {
            assertThat(body).contains("ORD-302-1234567", "RMA-2025-000200", "Ceramic mug, blue",
                    "T-shirt XL").doesNotContain("[[", "${");
        }
        assertThat(email.htmlBody()).startsWith("<!DOCTYPE html>").contains("2</span> &times;");
    }

    @Test
    void returnLabelEmailSaysWhatToDoAndCarriesTheLabel() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.RETURN_LABEL,
                returnCase("C-2002", "RMA-2025-000201", americanBuyer()), null, LABEL);

        assertThat(email.subject()).isEqualTo("Your return label for order ORD-302-1234567");
        assertThat(email.attachmentName()).isEqualTo("return-label-RMA-2025-000201.pdf");
        assertThat(email.attachment()).isEqualTo(LABEL);
        assertThat(email.textBody()).contains("1. Print the attached label.",
                "2. Stick it on the parcel", "3. Drop the parcel at the carrier.",
                "refund you as soon as the parcel arrives", "(return-label-RMA-2025-000201.pdf)");
        assertThat(email.htmlBody()).contains("<li>Print the attached label.</li>", "Drop the parcel at the carrier");
    }

    @Test
    void attachmentNameKeepsOnlySafeCharacters() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.RETURN_LABEL,
                returnCase("C-2003", "RMA/2025 #7\r\nX", americanBuyer()), null, LABEL);

        assertThat(email.attachmentName()).isEqualTo("return-label-RMA_2025__7__X.pdf");
    }

    @Test
    void emailsWithoutLabelOrRefundHaveNoAttachment() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_INTERCEPTED,
                returnCase("C-2004", "RMA-2025-000203", americanBuyer()), null, null);

        assertThat(email.attachment()).isNull();
        assertThat(email.attachmentName()).isNull();
        assertThat(email.textBody()).contains("We have stopped the parcel of order ORD-302-1234567",
                "If the parcel reaches you anyway, please refuse", "You do not need to do anything.");
    }

    @Test
    void refundEmailShowsTheAmount() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.REFUND_ISSUED,
                returnCase("C-2005", "RMA-2025-000204", americanBuyer()), refund("C-2005"), null);

        // an American buyer reads euros the American way
        assertThat(email.subject()).isEqualTo("Your refund of €44.90 for order ORD-302-1234567");
        assertThat(email.textBody()).contains("We have refunded €44.90 for your return RMA-2025-000204",
                "through amazon-de", "This is a full refund.").doesNotContain("partial");
        assertThat(email.htmlBody()).contains("<strong>€44.90</strong>", "This is a full refund.");
    }

    @Test
    void shippedParcelEmailOffersRefusalOrReturnWithALabel() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_SHIPPED,
                returnCase("C-2006", "RMA-2025-000205", americanBuyer()), null, null);

        assertThat(email.textBody()).contains("can no longer\nbe stopped", "1. Refuse the delivery",
                "2. Accept the parcel and return it after delivery. We will send you a return\n   label by email");
        assertThat(email.htmlBody()).contains("<strong>Refuse the delivery</strong>",
                "We will send you a return label by email");
    }

    @Test
    void lostParcelEmailFollowsWhatTheBuyerAskedFor() {
        ReturnCase refundCase = returnCase("C-2007", "RMA-2025-000206", americanBuyer());
        ReturnCase replaceCase = withRequest(refundCase, resolution(refundCase.request(), Resolution.REPLACE));

        assertThat(composer.buyerEmail(EmailKind.PARCEL_LOST, refundCase, null, null).textBody())
                .contains("reported the parcel of order ORD-302-1234567 as lost", "We will refund you in full")
                .doesNotContain("replacement");
        assertThat(composer.buyerEmail(EmailKind.PARCEL_LOST, replaceCase, null, null).textBody())
                .contains("You asked for a replacement").doesNotContain("refund you in full");
    }

    @Test
    void missingLabelOrRefundIsRefused() {
        ReturnCase returnCase = returnCase("C-2008", "RMA-2025-000207", americanBuyer());

        assertThatThrownBy(() -> composer.buyerEmail(EmailKind.RETURN_LABEL, returnCase, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label PDF");
        assertThatThrownBy(() -> composer.buyerEmail(EmailKind.REFUND_ISSUED, returnCase, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refund");
        assertThatThrownBy(() -> composer.buyerEmail(EmailKind.MANUAL_REVIEW, returnCase, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationsEmail");
        assertThatThrownBy(() -> composer.operationsEmail(EmailKind.RETURN_LABEL, returnCase, "task"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buyerEmail");
    }

    @Test
    void buyerEmailAddressWithLineBreakIsRefused() {
        Buyer buyer = new Buyer("Jane", "jane@example.com\r\nBcc: evil@x", "en-US", null);

        assertThatThrownBy(() -> composer.buyerEmail(EmailKind.PARCEL_LOST,
                returnCase("C-2009", "RMA-2025-000208", buyer), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C-2009");
    }

    @ParameterizedTest
    @EnumSource(value = EmailKind.class, names = {"OPERATIONS_TASK", "MANUAL_REVIEW"})
    void operationsEmailSaysWhatToDoAndLinksTheCase(EmailKind kind) {
        String task = "Parcel is in transit and cannot be intercepted: follow up with the buyer";

        OutgoingEmail email = composer.operationsEmail(kind, returnCase("C-2010", "RMA-2025-000209",
                japaneseBuyer()), task);

        assertThat(email.to()).isEqualTo("ops@seller.example");
        assertThat(email.subject()).contains("C-2010");
        assertThat(email.attachment()).isNull();
        assertThat(email.textBody()).contains(task, "https://console.seller.example/console/cases/C-2010",
                "Buyer:       山田太郎", "Buyer's comment: The mug arrived broken", "2 x Ceramic mug, blue (SKU-MUG-01)");
        assertThat(email.htmlBody()).contains(task,
                "<a href=\"https://console.seller.example/console/cases/C-2010\">", "AWAITING_RETURN");
        assertThat(email.messageId()).isEqualTo("<C-2010." + kind.name().toLowerCase() + "@seller.example>");
    }

    @Test
    void buyerTextIsEscapedInEveryHtmlEmail() {
        ReturnCase hostile = hostileCase("C-2011");

        List<OutgoingEmail> emails = Stream.concat(
                Stream.of(EmailKind.values()).filter(EmailKind::toBuyer)
                        .map(kind -> composer.buyerEmail(kind, hostile, refund("C-2011"), LABEL, OFFER)),
                Stream.of(EmailKind.OPERATIONS_TASK, EmailKind.MANUAL_REVIEW)
                        .map(kind -> composer.operationsEmail(kind, hostile, HOSTILE))).toList();

        assertThat(emails).hasSize(EmailKind.values().length - 1).allSatisfy(email -> {
            assertThat(email.htmlBody()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>", "</script>");
        });
        OutgoingEmail review = emails.get(emails.size() - 1);
        // buyer name, comment and item title all reach the operators, escaped
        assertThat(review.htmlBody().split("&lt;script&gt;", -1)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void plainTextAlternativeShowsBuyerTextAsWrittenNotAsHtmlEntities() {
        ReturnCase hostile = hostileCase("C-2013");

        OutgoingEmail email = composer.operationsEmail(EmailKind.MANUAL_REVIEW, hostile, "Check O'Brien & Co's parcel");

        assertThat(email.textBody()).contains(HOSTILE).contains("Check O'Brien & Co's parcel")
                .doesNotContain("&lt;", "&#39;", "&amp;");
        assertThat(email.htmlBody()).contains("O&#39;Brien &amp; Co").doesNotContain("<script>");
    }

    @Test
    void buyerNameCannotAddHeadersThroughTheSubject() {
        Buyer buyer = new Buyer("Jane\r\nBcc: evil@x", "jane@example.com", "en-US", null);

        OutgoingEmail email = composer.operationsEmail(EmailKind.MANUAL_REVIEW,
                returnCase("C-2012", "RMA-2025-000211", buyer), "Check the buyer");

        assertThat(email.subject()).isEqualTo("[returns-gateway] Manual review: case C-2012, buyer Jane Bcc: evil@x")
                .doesNotContain("\r", "\n");
    }

    @Test
    void chineseBuyerGetsEnglishAsNoChineseBuyerTemplatesExist() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.RETURN_LABEL,
                returnCase("C-2013", "RMA-2025-000212", chineseBuyer()), null, LABEL);

        assertThat(email.language()).isEqualTo("en");
        assertThat(email.subject()).isEqualTo("Your return label for order ORD-302-1234567");
        assertThat(email.textBody()).startsWith("Hello 王小明,").contains("Print the attached label");
        assertThat(email.htmlBody()).contains("lang=\"en\"", "Hello <span>王小明</span>");
    }

    @Test
    void sellersOwnJapaneseTemplatesReplaceTheShippedOnes(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Files.writeString(dir.resolve("return_label_ja.html"),
                "<html lang=\"ja\"><body><p><span th:text=\"${buyerName}\">name</span>様</p>"
                        + "<p>返品ラベルを印刷してください。</p></body></html>", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("return_label_ja.txt"), "[[${buyerName}]]様\n返品ラベルを印刷してください。\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("subjects_ja.properties"), "return_label=返品ラベル（注文 {orderId}）\n",
                StandardCharsets.UTF_8);
        EmailComposer localized = composer(dir.toString());

        OutgoingEmail japanese = localized.buyerEmail(EmailKind.RETURN_LABEL,
                returnCase("C-2014", "RMA-2025-000213", japaneseBuyer()), null, LABEL);
        OutgoingEmail english = localized.buyerEmail(EmailKind.RETURN_LABEL,
                returnCase("C-2015", "RMA-2025-000214", americanBuyer()), null, LABEL);

        assertThat(japanese.language()).isEqualTo("ja");
        assertThat(japanese.subject()).isEqualTo("返品ラベル（注文 ORD-302-1234567）");
        assertThat(japanese.htmlBody()).contains("<span>山田太郎</span>様", "返品ラベルを印刷してください。");
        assertThat(japanese.textBody()).isEqualTo("山田太郎様\n返品ラベルを印刷してください。\n");
        assertThat(english.subject()).isEqualTo("Your return label for order ORD-302-1234567");
        assertThat(english.textBody()).contains("Print the attached label");
    }

    @Test
    void localeThatIsNotALanguageFallsBackToEnglish() {
        Buyer buyer = new Buyer("Jane", "jane@example.com", "../../etc/passwd", null);

        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_LOST,
                returnCase("C-2016", "RMA-2025-000215", buyer), null, null);

        assertThat(email.language()).isEqualTo("en");
        assertThat(email.textBody()).contains("has reported the parcel");
    }

    @Test
    void missingTemplatesAreListedAtStartup(@TempDir Path dir) throws IOException {
        copyTemplates(dir);
        Files.delete(dir.resolve("parcel_lost.txt"));
        Files.delete(dir.resolve("subjects.properties"));

        assertThatThrownBy(() -> composer(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parcel_lost.txt")
                .hasMessageContaining("subjects.properties")
                .hasMessageContaining("gateway.mail.templates-dir");
    }

    static ReturnCase hostileCase(String caseId) {
        Buyer buyer = new Buyer(HOSTILE, "jane@example.com", "en-US", null);
        ReturnCase base = returnCase(caseId, "RMA-2025-000210", buyer,
                List.of(new ReturnItem("SKU-X", HOSTILE, 1, Money.of("9.99", "EUR"))));
        ReturnRequest r = base.request();
        return withRequest(base, new ReturnRequest(r.marketplace(), r.returnId(), r.orderId(), r.requestedAt(),
                r.updatedAt(), r.resolution(), r.refundType(), r.requestedRefund(), HOSTILE, HOSTILE, r.buyer(),
                r.items(), r.shipment()));
    }

    private static ReturnRequest resolution(ReturnRequest r, Resolution resolution) {
        return new ReturnRequest(r.marketplace(), r.returnId(), r.orderId(), r.requestedAt(), r.updatedAt(),
                resolution, r.refundType(), r.requestedRefund(), r.reason(), r.comment(), r.buyer(), r.items(),
                r.shipment());
    }

    static ReturnCase withRequest(ReturnCase c, ReturnRequest request) {
        return new ReturnCase(c.caseId(), request, c.status(), c.shipmentState(), c.forwarderCode(),
                c.statusReason(), c.resumeStatus(), c.attempts(), c.nextAttemptAt(), c.createdAt(), c.updatedAt());
    }

    private static void copyTemplates(Path target) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(TEMPLATES))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void anAlertAboutNoCaseNamesItsSourceAndEscapesWhatAmazonSaid() {
        OutgoingEmail alert = composer.operationsAlert("amazon-us", "Amazon refund feed failed (FATAL)",
                "Amazon said: <script>alert(1)</script> & more", "feed-17");

        assertThat(alert.to()).isEqualTo("ops@seller.example");
        assertThat(alert.subject()).isEqualTo("[returns-gateway] amazon-us: Amazon refund feed failed (FATAL)");
        assertThat(alert.textBody()).contains("Amazon refund feed failed (FATAL)",
                "Amazon said: <script>alert(1)</script> & more", "Source: amazon-us");
        assertThat(alert.htmlBody()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
        assertThat(alert.messageId()).startsWith("<amazon-us.feed-17.operations_alert@");
        assertThatThrownBy(() -> composer.operationsEmail(EmailKind.OPERATIONS_ALERT, hostileCase("C-2012"), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use operationsAlert");
    }
}

package com.returnsgateway.core.mail;

import static com.returnsgateway.core.label.LabelFixtures.returnCase;
import static com.returnsgateway.core.label.LabelFixtures.usWarehouse;
import static com.returnsgateway.core.mail.EmailComposerTest.HOSTILE;
import static com.returnsgateway.core.mail.EmailComposerTest.LABEL;
import static com.returnsgateway.core.mail.EmailComposerTest.TEMPLATES;
import static com.returnsgateway.core.mail.EmailComposerTest.withRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.returnsgateway.core.label.ReturnLabelRenderer;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Buyer emails in the buyer's language, operations emails in the operators' language. */
class LocalizedEmailTest {

    private static final List<String> BUYER_LANGUAGES = List.of("en", "de", "fr", "es", "it", "ja");
    private static final String NBSP = "\u00a0";

    private static ReturnLabelRenderer renderer;
    private final EmailComposer composer = EmailComposerTest.composer(TEMPLATES);
    private final EmailComposer chineseOperations = new EmailComposer(TEMPLATES,
            "Seller Returns <returns@seller.example>", "ops@seller.example", "https://console.seller.example/", "1m",
            "zh-CN");

    @BeforeAll
    static void loadFonts() {
        renderer = new ReturnLabelRenderer();
    }

    @AfterAll
    static void closeFonts() throws Exception {
        renderer.close();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiterString = "|", nullValues = "NULL", textBlock = """
            en-US   | en | Hello Greta,      | Your return label for order ORD-302-1234567
            de-DE   | de | Guten Tag Greta,  | Ihr Rücksendeetikett für Bestellung ORD-302-1234567
            de-AT   | de | Guten Tag Greta,  | Ihr Rücksendeetikett für Bestellung ORD-302-1234567
            fr-CA   | fr | Bonjour Greta,    | Votre étiquette de retour pour la commande ORD-302-1234567
            es-ES   | es | Hola, Greta:      | Su etiqueta de devolución del pedido ORD-302-1234567
            it-IT   | it | Gentile Greta,    | La Sua etichetta di reso per l’ordine ORD-302-1234567
            ja-JP   | ja | Greta 様          | 【返品用ラベル】ご注文 ORD-302-1234567
            ja      | ja | Greta 様          | 【返品用ラベル】ご注文 ORD-302-1234567
            zh-CN   | en | Hello Greta,      | Your return label for order ORD-302-1234567
            pt_BR   | en | Hello Greta,      | Your return label for order ORD-302-1234567
            xx-YY   | en | Hello Greta,      | Your return label for order ORD-302-1234567
            NULL    | en | Hello Greta,      | Your return label for order ORD-302-1234567
            """)
    void buyerReadsTheirLanguageOrEnglish(String locale, String language, String greeting, String subject) {
        OutgoingEmail email = composer.buyerEmail(EmailKind.RETURN_LABEL,
                returnCase("C-4001", "RMA-2025-000400", buyer("Greta", locale)), null, LABEL);

        assertThat(email.language()).isEqualTo(language);
        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.textBody()).startsWith(greeting);
        assertThat(email.htmlBody()).contains("<html lang=\"" + language + "\">");
        assertThat(email.attachmentName()).isEqualTo("return-label-RMA-2025-000400.pdf");
    }

    static Stream<Arguments> buyerKindsInEveryLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (EmailKind kind : EmailKind.values()) {
            if (kind.toBuyer()) {
                BUYER_LANGUAGES.forEach(language -> arguments.add(Arguments.of(kind, language)));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("buyerKindsInEveryLanguage")
    void everyBuyerEmailIsTranslatedInBothAlternatives(EmailKind kind, String language) {
        ReturnCase returnCase = returnCase("C-4002", "RMA-2025-000401", buyer("Greta", language));
        OutgoingEmail english = composer.buyerEmail(kind, returnCase("C-4002", "RMA-2025-000401",
                buyer("Greta", "en")), refund("C-4002", RefundType.FULL), LABEL, EmailComposerTest.OFFER);

        OutgoingEmail email = composer.buyerEmail(kind, returnCase, refund("C-4002", RefundType.FULL), LABEL,
                EmailComposerTest.OFFER);

        assertThat(email.language()).isEqualTo(language);
        assertThat(email.subject()).contains("ORD-302-1234567").doesNotContain("{", "\r", "\n");
        if (!language.equals("en")) {
            assertThat(email.subject()).isNotEqualTo(english.subject());
            assertThat(email.textBody()).isNotEqualTo(english.textBody());
        }
        assertThat(email.htmlBody()).startsWith("<!DOCTYPE html>").contains("lang=\"" + language + "\"",
                "<span>Greta</span>", "2</span> &times; <span>Ceramic mug, blue</span>");
        for (String body : List.of(email.textBody(), email.htmlBody())) {
            assertThat(body).contains("Greta", "ORD-302-1234567", "RMA-2025-000401", "Ceramic mug, blue",
                    "T-shirt XL", "amazon-de").doesNotContain("[[", "${", "[#", "[/]", "th:");
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiterString = "|", textBlock = """
            en-US | USD | $59.90
            en-GB | EUR | €59.90
            de-DE | EUR | 59,90\u00a0€
            fr-FR | EUR | 59,90\u00a0€
            es-ES | EUR | 59,90\u00a0€
            it-IT | EUR | 59,90\u00a0€
            ja-JP | JPY | ￥4,980
            zh-CN | USD | $59.90
            """)
    void refundAmountIsWrittenTheWayTheBuyerWritesIt(String locale, String currency, String expected) {
        String amount = currency.equals("JPY") ? "4980" : "59.90";
        RefundInstruction refund = new RefundInstruction(8, "C-4003", "C-4003-refund-1",
                RefundInstruction.Kind.REFUND, RefundType.FULL, Money.of(amount, currency),
                RefundReason.RETURN_RECEIVED, RefundInstruction.Status.SENT, "MKT-RF-992",
                Instant.parse("2025-03-20T10:00:00Z"), Instant.parse("2025-03-20T10:00:00Z"));

        OutgoingEmail email = composer.buyerEmail(EmailKind.REFUND_ISSUED,
                returnCase("C-4003", "RMA-2025-000402", buyer("Greta", locale)), refund, null);

        assertThat(email.subject()).contains(expected);
        assertThat(email.textBody()).contains(expected);
        assertThat(email.htmlBody()).contains("<strong>" + expected + "</strong>");
    }

    @Test
    void partialRefundSaysSoInTheBuyersLanguage() {
        ReturnCase returnCase = returnCase("C-4004", "RMA-2025-000403", buyer("Greta", "de-DE"));

        OutgoingEmail partial = composer.buyerEmail(EmailKind.REFUND_ISSUED, returnCase,
                refund("C-4004", RefundType.PARTIAL), null);
        OutgoingEmail full = composer.buyerEmail(EmailKind.REFUND_ISSUED, returnCase,
                refund("C-4004", RefundType.FULL), null);

        assertThat(partial.subject()).isEqualTo("Ihre Erstattung über 44,90" + NBSP + "€ für Bestellung ORD-302-1234567");
        assertThat(partial.textBody()).contains("Es handelt sich um eine Teilerstattung.")
                .doesNotContain("vollständige");
        assertThat(partial.htmlBody()).contains("<strong>44,90" + NBSP + "€</strong>", "Teilerstattung");
        assertThat(full.textBody()).contains("Es handelt sich um eine vollständige Erstattung.")
                .doesNotContain("Teilerstattung");
    }

    @Test
    void japaneseBuyerOfAShippedParcelIsOfferedBothWaysBack() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_SHIPPED,
                returnCase("C-4005", "RMA-2025-000404", buyer("山田太郎", "ja-JP")), null, null);

        assertThat(email.subject()).isEqualTo("ご注文 ORD-302-1234567 のお荷物は配送中です：今後のお手続きについて");
        assertThat(email.textBody()).startsWith("山田太郎 様").contains("1. 受け取りを拒否する", "2. お荷物を受け取り、配達後に返品する",
                "返品用ラベルをメールでお送りします。");
        assertThat(email.htmlBody()).contains("<span>山田太郎</span> 様", "<strong>受け取りを拒否する</strong>");
    }

    @Test
    void interceptedParcelInFrenchConfirmsTheFullRefund() {
        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_INTERCEPTED,
                returnCase("C-4006", "RMA-2025-000405", buyer("Amélie", "fr-FR")), refund("C-4006", RefundType.FULL),
                null);

        assertThat(email.subject()).isEqualTo("Nous avons arrêté votre colis de la commande ORD-302-1234567");
        assertThat(email.textBody()).contains("Nous vous avons remboursé intégralement" + NBSP + ": 44,90" + NBSP + "€.",
                "veuillez en\nrefuser la livraison").doesNotContain("va suivre");
    }

    @ParameterizedTest
    @CsvSource({"de-DE", "fr-FR", "es-ES", "it-IT", "ja-JP"})
    void hostileBuyerTextIsEscapedInEveryLanguage(String locale) {
        ReturnCase hostile = hostile("C-4007", locale);

        for (EmailKind kind : EmailKind.values()) {
            if (!kind.aboutACase()) {
                continue;
            }
            OutgoingEmail email = kind.toBuyer()
                    ? composer.buyerEmail(kind, hostile, refund("C-4007", RefundType.FULL), LABEL, EmailComposerTest.OFFER)
                    : chineseOperations.operationsEmail(kind, hostile, HOSTILE);
            assertThat(email.htmlBody()).as(kind + " in " + email.language())
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>", "</script>");
        }
    }

    @Test
    void operationsReadChineseWhenConfigured() {
        String task = "Parcel is in transit and cannot be intercepted: follow up with the buyer";

        OutgoingEmail task1 = chineseOperations.operationsEmail(EmailKind.OPERATIONS_TASK,
                returnCase("C-4008", "RMA-2025-000407", buyer("山田太郎", "ja-JP")), task);
        OutgoingEmail review = chineseOperations.operationsEmail(EmailKind.MANUAL_REVIEW,
                returnCase("C-4009", "RMA-2025-000408", buyer("Greta", "de-DE")), "请核实");
        OutgoingEmail english = composer.operationsEmail(EmailKind.OPERATIONS_TASK,
                returnCase("C-4008", "RMA-2025-000407", buyer("山田太郎", "ja-JP")), task);

        assertThat(task1.language()).isEqualTo("zh");
        assertThat(task1.to()).isEqualTo("ops@seller.example");
        assertThat(task1.subject()).isEqualTo("[returns-gateway] 需要处理：案件 C-4008（amazon-de 订单 ORD-302-1234567）");
        assertThat(task1.textBody()).startsWith("需要处理：" + task).contains(
                "https://console.seller.example/console/cases/C-4008", "买家：      山田太郎",
                "买家留言：    The mug arrived broken", "商品：");
        assertThat(task1.htmlBody()).contains("lang=\"zh-CN\"", "<strong>需要处理：</strong>",
                "<a href=\"https://console.seller.example/console/cases/C-4008\">", "<th align=\"left\">订单号</th>");
        assertThat(review.subject()).isEqualTo("[returns-gateway] 人工审核：案件 C-4009，买家 Greta");
        assertThat(review.textBody()).startsWith("需要人工审核：请核实");
        assertThat(english.language()).isEqualTo("en");
        assertThat(english.subject()).startsWith("[returns-gateway] Action needed: case C-4008");
    }

    @Test
    void aTaskNamedByItsKeyReadsInTheOperationsLanguage() {
        OutgoingEmail chinese = chineseOperations.operationsEmail(EmailKind.OPERATIONS_TASK,
                returnCase("C-4010", "RMA-2025-000409", buyer("Greta", "de-DE")), "parcel_lost");
        OutgoingEmail english = composer.operationsEmail(EmailKind.OPERATIONS_TASK,
                returnCase("C-4010", "RMA-2025-000409", buyer("Greta", "de-DE")), "parcel_in_transit");

        assertThat(chinese.textBody()).startsWith("需要处理：货代报告包裹丢失。已向买家全额退款：请向货代提出索赔。")
                .doesNotContain("parcel_lost");
        assertThat(english.textBody()).startsWith("Action needed: The parcel is already on its way and cannot be "
                + "intercepted.");
        assertThat(english.htmlBody()).contains("refuse the delivery or return the item after delivery: follow up.");
    }

    @Test
    void operationsLocaleMustBeALanguage() {
        assertThatThrownBy(() -> new EmailComposer(TEMPLATES, "returns@seller.example", "ops@seller.example",
                "https://console.seller.example/", "1m", "../../etc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.operations.locale");
    }

    @Test
    void hostileNameInAChineseSubjectAddsNoHeader() throws Exception {
        OutgoingEmail email = chineseOperations.operationsEmail(EmailKind.MANUAL_REVIEW,
                returnCase("C-4010", "RMA-2025-000409", buyer("王\r\nBcc: evil@x\nX-Injected: 1", "zh-CN")), "请核实");

        MimeMessage received = sendAndReceive(new MimeMessageFactory().toMimeMessage(email));

        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("X-Injected")).isNull();
        assertThat(received.getSubject()).isEqualTo("[returns-gateway] 人工审核：案件 C-4010，买家 王 Bcc: evil@x X-Injected: 1");
    }

    @Test
    void japaneseLabelEmailArrivesWithBothAlternativesAndTheLabel() throws Exception {
        ReturnCase returnCase = returnCase("C-4011", "RMA-2025-000410", buyer("山田太郎", "ja-JP"));
        byte[] label = renderer.render(returnCase, usWarehouse());
        OutgoingEmail email = composer.buyerEmail(EmailKind.RETURN_LABEL, returnCase, null, label);

        MimeMessage received = sendAndReceive(new MimeMessageFactory().toMimeMessage(email));

        assertThat(received.getSubject()).isEqualTo("【返品用ラベル】ご注文 ORD-302-1234567");
        assertThat(received.getMessageID()).isEqualTo("<C-4011.return_label@seller.example>");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).startsWith("山田太郎 様").contains(
                "1. 添付のラベルを印刷してください。", "（return-label-RMA-2025-000410.pdf）");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<li>添付のラベルを印刷してください。</li>");
        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getFileName()).isEqualTo("return-label-RMA-2025-000410.pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(label);
        }
    }

    private static Buyer buyer(String name, String locale) {
        return new Buyer(name, "buyer@example.com", locale,
                new Address(name, "Königstraße 12", null, "Stuttgart", null, "70173", "DE", null));
    }

    private static RefundInstruction refund(String caseId, RefundType type) {
        Instant at = Instant.parse("2025-03-20T10:00:00Z");
        return new RefundInstruction(7, caseId, caseId + "-refund-1", RefundInstruction.Kind.REFUND, type,
                Money.of("44.90", "EUR"), RefundReason.RETURN_RECEIVED, RefundInstruction.Status.SENT, "MKT-RF-991",
                at, at);
    }

    private static ReturnCase hostile(String caseId, String locale) {
        ReturnCase base = returnCase(caseId, "RMA-2025-000406", new Buyer(HOSTILE, "jane@example.com", locale, null),
                List.of(new ReturnItem("SKU-X", HOSTILE, 1, Money.of("9.99", "EUR"))));
        ReturnRequest r = base.request();
        return withRequest(base, new ReturnRequest(r.marketplace(), r.returnId(), r.orderId(), r.requestedAt(),
                r.updatedAt(), r.resolution(), r.refundType(), r.requestedRefund(), HOSTILE, HOSTILE, r.buyer(),
                r.items(), r.shipment()));
    }

    private static MimeMessage sendAndReceive(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }
}

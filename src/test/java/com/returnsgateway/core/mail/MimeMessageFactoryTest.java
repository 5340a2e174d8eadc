package com.returnsgateway.core.mail;

import static com.returnsgateway.core.label.LabelFixtures.americanBuyer;
import static com.returnsgateway.core.label.LabelFixtures.japaneseBuyer;
import static com.returnsgateway.core.label.LabelFixtures.returnCase;
import static com.returnsgateway.core.label.LabelFixtures.usWarehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.returnsgateway.core.label.ReturnLabelRenderer;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.ReturnCase;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class MimeMessageFactoryTest {

    private static ReturnLabelRenderer renderer;
    private final EmailComposer composer = EmailComposerTest.composer(EmailComposerTest.TEMPLATES);
    private final MimeMessageFactory factory = new MimeMessageFactory();

    @BeforeAll
    static void loadFonts() {
        renderer = new ReturnLabelRenderer();
    }

    @AfterAll
    static void closeFonts() throws IOException {
        renderer.close();
    }

    @Test
    void labelEmailHasTextHtmlAndThePdf() throws Exception {
        ReturnCase returnCase = returnCase("C-3001", "RMA-2025-000300", americanBuyer());
        byte[] label = renderer.render(returnCase, usWarehouse());
        OutgoingEmail email = composer.buyerEmail(EmailKind.RETURN_LABEL, returnCase, null, label);

        MimeMessage received = sendAndReceive(factory.toMimeMessage(email));

        assertThat(received.getFrom()).extracting(Address::toString)
                .containsExactly("Seller Returns <returns@seller.example>");
        assertThat(received.getAllRecipients()).extracting(Address::toString).containsExactly("jane.doe@example.com");
        assertThat(received.getSubject()).isEqualTo("Your return label for order ORD-302-1234567");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);

        BodyPart bodies = mixed.getBodyPart(0);
        assertThat(bodies.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternative = (MimeMultipart) bodies.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase(
                "charset=UTF-8");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Print the attached label");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase(
                "charset=UTF-8");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<li>Print the attached label.</li>");

        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("return-label-RMA-2025-000300.pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(label);
        }
    }

    @Test
    void emailWithoutAttachmentHasOnlyTheAlternatives() throws Exception {
        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_SHIPPED,
                returnCase("C-3002", "RMA-2025-000301", americanBuyer()), null, null);

        MimeMessage received = sendAndReceive(factory.toMimeMessage(email));

        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(1);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void messageIdSurvivesSaveChanges() throws Exception {
        OutgoingEmail email = composer.buyerEmail(EmailKind.PARCEL_LOST,
                returnCase("C-3003", "RMA-2025-000302", americanBuyer()), null, null);
        MimeMessage message = factory.toMimeMessage(email);

        message.saveChanges(); // camel-mail calls it again before sending
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo("<C-3003.parcel_lost@seller.example>");
        assertThat(sendAndReceive(message).getMessageID()).isEqualTo("<C-3003.parcel_lost@seller.example>");
    }

    @Test
    void hostileBuyerNameAddsNoHeader() throws Exception {
        Buyer buyer = new Buyer("Jane\r\nBcc: evil@x", "jane@example.com", "en-US", null);
        ReturnCase returnCase = returnCase("C-3004", "RMA-2025-000303", buyer);
        OutgoingEmail email = composer.operationsEmail(EmailKind.MANUAL_REVIEW, returnCase, "Check the buyer");

        byte[] raw = serialize(factory.toMimeMessage(email));
        MimeMessage received = parse(raw);

        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getAllRecipients()).extracting(Address::toString).containsExactly("ops@seller.example");
        assertThat(received.getSubject()).doesNotContain("\r", "\n")
                .isEqualTo("[returns-gateway] Manual review: case C-3004, buyer Jane Bcc: evil@x");
        assertThat(headerLines(raw)).noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4));
    }

    @Test
    void lineBreaksInAHandBuiltEmailAreRemovedToo() throws Exception {
        OutgoingEmail email = new OutgoingEmail("C-3005", EmailKind.OPERATIONS_TASK, "returns@seller.example",
                "ops@seller.example", "Hello\r\nBcc: evil@x\nX-Injected: 1", "text", "<p>html</p>", null, null,
                "<C-3005.operations_task@seller.example>");

        byte[] raw = serialize(factory.toMimeMessage(email));
        MimeMessage received = parse(raw);

        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("X-Injected")).isNull();
        assertThat(received.getSubject()).isEqualTo("Hello Bcc: evil@x X-Injected: 1");
    }

    @Test
    void japaneseSubjectIsEncodedAsUtf8() throws Exception {
        OutgoingEmail email = composer.operationsEmail(EmailKind.MANUAL_REVIEW,
                returnCase("C-3006", "RMA-2025-000304", japaneseBuyer()), "確認してください");

        byte[] raw = serialize(factory.toMimeMessage(email));

        assertThat(headerLines(raw)).anyMatch(line -> line.startsWith("Subject: =?UTF-8?"));
        MimeMessage received = parse(raw);
        assertThat(received.getSubject()).endsWith("buyer 山田太郎");
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) received.getContent()).getBodyPart(0)
                .getContent();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("確認してください");
    }

    @Test
    void invalidMessageIdIsRefused() {
        OutgoingEmail email = new OutgoingEmail("C-3007", EmailKind.OPERATIONS_TASK, "returns@seller.example",
                "ops@seller.example", "s", "t", "h", null, null, "<x@y>\r\nBcc: evil@x");

        assertThatThrownBy(() -> factory.toMimeMessage(email)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MimeMessage sendAndReceive(MimeMessage message) throws IOException, MessagingException {
        return parse(serialize(message));
    }

    private static byte[] serialize(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** The top-level header lines of a serialized message, as a mail server sees them. */
    private static List<String> headerLines(byte[] raw) {
        String text = new String(raw, StandardCharsets.US_ASCII);
        String headers = text.substring(0, text.indexOf("\r\n\r\n"));
        return Arrays.asList(headers.split("\r\n"));
    }
}

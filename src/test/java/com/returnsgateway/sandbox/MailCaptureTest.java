package com.returnsgateway.sandbox;

import com.returnsgateway.testsupport.Http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import tools.jackson.databind.JsonNode;

class MailCaptureTest extends SandboxWebTest {

    @Autowired
    SandboxMailServer mailServer;

    @Test
    void capturesAMultipartEmailWithAPdfAttachment() throws Exception {
        assertThat(mailServer.port()).isPositive();
        JsonNode info = http.get("/sandbox").json();
        assertThat(info.get("smtp").get("port").intValue()).isEqualTo(mailServer.port());

        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(mailServer.port()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(props);

        // like a real PDF: a binary comment line after the header, so it travels base64-encoded, byte for byte
        byte[] pdf = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("returns@seller.example", "Returns Team"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("juergen.mueller@buyer.example"));
        message.setRecipient(Message.RecipientType.CC, new InternetAddress("ops@seller.example"));
        message.setSubject("Ihr Rücksendeetikett für SBX-1005 – 返品ラベル", "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Grüße! Bitte drucken Sie das Etikett aus.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("label-SBX-1005.pdf");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart multipart = new MimeMultipart("mixed");
        multipart.addBodyPart(text);
        multipart.addBodyPart(attachment);
        message.setContent(multipart);
        Transport.send(message); // saves changes, which sets the Message-ID
        String messageId = message.getMessageID();

        JsonNode mail = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> find(http.get("/sandbox/mail?to=juergen.mueller@buyer.example").json(), messageId),
                        m -> m != null);
        assertThat(mail.get("subject").stringValue()).isEqualTo("Ihr Rücksendeetikett für SBX-1005 – 返品ラベル");
        assertThat(mail.get("from").stringValue()).isEqualTo("returns@seller.example");
        assertThat(mail.get("fromName").stringValue()).isEqualTo("Returns Team");
        assertThat(mail.get("to").get(0).stringValue()).isEqualTo("juergen.mueller@buyer.example");
        assertThat(mail.get("cc").get(0).stringValue()).isEqualTo("ops@seller.example");
        assertThat(mail.get("sentDate").isString()).isTrue();
        assertThat(mail.get("textBody").stringValue()).isEqualTo("Grüße! Bitte drucken Sie das Etikett aus.");
        assertThat(mail.get("contentTypes").toString()).contains("multipart/mixed", "text/plain", "application/pdf");

        JsonNode att = mail.get("attachments").get(0);
        assertThat(att.get("name").stringValue()).isEqualTo("label-SBX-1005.pdf");
        assertThat(att.get("contentType").stringValue()).isEqualTo("application/pdf");
        assertThat(att.get("size").intValue()).isEqualTo(pdf.length);
        String url = att.get("url").stringValue();
        assertThat(url).isEqualTo("/sandbox/mail/" + mail.get("index").intValue() + "/attachments/0");

        Http.Reply download = http.get(url);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition")).contains("label-SBX-1005.pdf");
        assertThat(download.response().body()).isEqualTo(pdf);

        // one SMTP transaction with two recipients is one captured email, found by either recipient
        JsonNode forOps = find(http.get("/sandbox/mail?to=ops@seller.example").json(), messageId);
        assertThat(forOps.get("index").intValue()).isEqualTo(mail.get("index").intValue());
        assertThat(forOps.get("recipients")).hasSize(2);
        assertThat(find(http.get("/sandbox/mail?to=nobody@buyer.example").json(), messageId)).isNull();
        assertThat(http.get(url.replace("/attachments/0", "/attachments/9")).status()).isEqualTo(404);
        assertThat(http.get("/sandbox/mail/99999").status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode mails, String messageId) {
        for (JsonNode m : mails) {
            if (messageId.equals(m.get("messageId").stringValue())) {
                return m;
            }
        }
        return null;
    }
}

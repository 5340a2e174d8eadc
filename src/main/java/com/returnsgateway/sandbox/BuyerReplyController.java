package com.returnsgateway.sandbox;

import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Control: a sandbox buyer answers the gateway's latest email to them, over the sandbox's SMTP, to the seller's
 * mailbox the gateway reads over IMAP. {@code {"caseId": "RC-...", "text": "...", "attachment": {"name":
 * "photo.jpg", "contentType": "image/jpeg", "base64": "..."}}}, or {@code "orderId"} instead of caseId for the latest
 * email about that order.
 */
@RestController
@RequestMapping("/sandbox/buyers")
@SandboxEnabled
public class BuyerReplyController {

    private final SandboxMailServer mail;
    private final String operationsEmail;

    public BuyerReplyController(SandboxMailServer mail,
                                @Value("${gateway.operations.email:ops@sandbox-seller.example}") String operationsEmail) {
        this.mail = mail;
        this.operationsEmail = operationsEmail;
    }

    @PostMapping("/reply")
    public Map<String, Object> reply(@RequestBody JsonNode body) {
        String caseId = text(body, "caseId");
        String orderId = text(body, "orderId");
        if ((caseId == null) == (orderId == null)) {
            throw SandboxException.badRequest("give either caseId or orderId");
        }
        String text = text(body, "text");
        if (text == null) {
            throw SandboxException.badRequest("text is required");
        }
        SandboxMailServer.CapturedMail original = mail.mails().stream()
                .filter(m -> m.messageId() != null && m.from() != null && m.from().equalsIgnoreCase(mail.inboxAddress()))
                .filter(m -> !m.isFor(operationsEmail))
                // the gateway's Message-IDs name the case: <caseId.kind@domain>; buyer subjects name the order
                .filter(m -> caseId != null ? m.messageId().startsWith("<" + caseId + ".")
                        : m.subject() != null && m.subject().contains(orderId))
                .max(Comparator.comparingInt(SandboxMailServer.CapturedMail::index))
                .orElseThrow(() -> SandboxException.notFound("the gateway sent no email to the buyer of "
                        + (caseId != null ? "case " + caseId : "order " + orderId)));
        String buyer = original.to().isEmpty() ? original.recipients().iterator().next() : original.to().get(0);
        try {
            Session session = Session.getInstance(new Properties());
            MimeMessage reply = new MimeMessage(session);
            reply.setFrom(new InternetAddress(buyer));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.inboxAddress()));
            reply.setSubject("Re: " + original.subject(), "UTF-8");
            reply.setSentDate(new Date());
            reply.setHeader("In-Reply-To", original.messageId());
            reply.setHeader("References", original.messageId());
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text + "\n\nOn " + original.sentDate() + ", " + original.from() + " wrote:\n> "
                    + String.valueOf(original.textBody()).replace("\n", "\n> "), "UTF-8");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart);
            JsonNode attachment = body.get("attachment");
            if (attachment != null && !attachment.isNull()) {
                mixed.addBodyPart(attachment(attachment));
            }
            reply.setContent(mixed);
            reply.saveChanges();
            Transport transport = session.getTransport("smtp");
            try {
                transport.connect(mail.host(), mail.port(), null, null);
                transport.sendMessage(reply, reply.getAllRecipients());
            } finally {
                transport.close();
            }
            return Map.of("messageId", reply.getMessageID(), "inReplyTo", original.messageId(), "from", buyer,
                    "to", mail.inboxAddress());
        } catch (MessagingException e) {
            throw SandboxException.badRequest("could not send the reply: " + e.getMessage());
        }
    }

    private static MimeBodyPart attachment(JsonNode attachment) throws MessagingException {
        String name = text(attachment, "name");
        String type = text(attachment, "contentType");
        String base64 = text(attachment, "base64");
        byte[] content;
        try {
            content = base64 == null ? "a sandbox photo of the item".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw SandboxException.badRequest("attachment.base64 is not base64");
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content,
                type == null ? "application/octet-stream" : type)));
        part.setFileName(name == null ? "photo.jpg" : name);
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}

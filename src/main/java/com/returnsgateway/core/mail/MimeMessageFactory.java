package com.returnsgateway.core.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Turns an {@link OutgoingEmail} into a MIME message for camel-mail: multipart/mixed holding a
 * multipart/alternative (plain text, then HTML) and the PDF label when there is one.
 */
@Component
public class MimeMessageFactory {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");

    static {
        MailStreams.nameTheProvider();
    }

    private final Session session = Session.getInstance(new Properties());

    public MimeMessage toMimeMessage(OutgoingEmail email) {
        Objects.requireNonNull(email, "email");
        if (email.messageId() == null || !MESSAGE_ID.matcher(email.messageId()).matches()) {
            throw new IllegalArgumentException("not a Message-ID: '" + email.messageId() + "'");
        }
        try {
            MimeMessage message = new FixedIdMimeMessage(session, email.messageId());
            message.setFrom(new InternetAddress(EmailComposer.oneLine(email.from()), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(EmailComposer.oneLine(email.to()), true));
            message.setSubject(EmailComposer.oneLine(email.subject()), UTF_8);
            message.setSentDate(new Date());
            // RFC 3834: tells autoresponders not to answer, so an out-of-office reply does not loop back
            message.setHeader("Auto-Submitted", "auto-generated");

            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(email.textBody(), "plain"));
            alternative.addBodyPart(textPart(email.htmlBody(), "html"));
            MimeBodyPart bodies = new MimeBodyPart();
            bodies.setContent(alternative);

            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies);
            if (email.attachment() != null) {
                mixed.addBodyPart(pdfPart(email.attachmentName(), email.attachment()));
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("could not build the " + email.kind() + " email of case "
                    + email.caseId() + ": " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart textPart(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body == null ? "" : body, UTF_8, subtype);
        return part;
    }

    private static MimeBodyPart pdfPart(String fileName, byte[] pdf) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        part.setFileName(fileName == null ? "attachment.pdf" : EmailComposer.oneLine(fileName));
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    /**
     * Keeps the Message-ID the composer chose: {@link MimeMessage#saveChanges()}, which camel-mail calls before
     * sending, would otherwise replace it with a random one.
     */
    static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

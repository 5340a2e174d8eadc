package com.returnsgateway.core.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** Parses a message of the inbox: who sent it, what it answers, its own words, its attachments, and its kind. */
public final class InboundMailReader {

    /** The message cannot be read as an email (or has no sender): it goes to the quarantine. */
    public static class MalformedMailException extends Exception {
        public MalformedMailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+@[^<>\\s]+>)");
    /** "On Mon, 3 Nov 2026 at 10:00, Returns <returns@...> wrote:", perhaps broken over two lines by the mail client. */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?is)^(On\\s.{0,300}?wrote:|Am\\s.{0,300}?schrieb.{0,100}?:)\\s*$");
    private static final Pattern AUTO_SUBJECT = Pattern.compile("(?i)out of office|automatic reply|auto(?:matic)?[- ]?reply|abwesenheit");
    private static final Pattern AUTO_PRECEDENCE = Pattern.compile("(?i)\\s*(auto_reply|bulk|junk)\\s*");
    private static final Pattern BOUNCE_SENDER = Pattern.compile("(?i)^(mailer-daemon|postmaster)@.*");

    private final Session session = Session.getInstance(new Properties());

    public InboundMail read(byte[] raw) throws MalformedMailException {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            String messageId = firstId(message.getHeader("Message-ID", null));
            String from = sender(message);
            if (from == null) {
                throw new MalformedMailException("the message has no sender address", null);
            }
            Parts parts = new Parts();
            parts.walk(message);
            InboundMail.Kind kind = kind(message, from);
            Set<String> related = new LinkedHashSet<>();
            related.addAll(ids(message.getHeader("In-Reply-To", " ")));
            related.addAll(ids(message.getHeader("References", " ")));
            if (kind == InboundMail.Kind.BOUNCE) {
                // a delivery report quotes the headers of the message that failed, ours
                Matcher quoted = QUOTED_MESSAGE_ID.matcher(new String(raw, StandardCharsets.ISO_8859_1));
                while (quoted.find()) {
                    related.add(quoted.group(1));
                }
                related.remove(messageId);
            }
            String subject = message.getSubject();
            return new InboundMail(messageId != null ? messageId : "sha256:" + sha256(raw), messageId,
                    List.copyOf(related), from, subject == null ? "" : subject, ownWords(parts.text()),
                    List.copyOf(parts.attachments), kind, raw);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MalformedMailException("the message cannot be read as an email: " + e.getMessage(), e);
        }
    }

    /** The key of a message that could not be parsed: a hash of its bytes. */
    public static String keyOf(byte[] raw) {
        return "sha256:" + sha256(raw);
    }

    /**
     * The buyer's own words: the text up to the quoted history, which starts at the first "On ... wrote:" line, the
     * first line quoted with "&gt;", or an "Original Message" separator.
     */
    public static String ownWords(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder own = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            String withNext = i + 1 < lines.length ? trimmed + " " + lines[i + 1].strip() : trimmed;
            if (trimmed.startsWith(">") || trimmed.matches("(?i)-{2,}\\s*original message\\s*-{2,}")
                    || ATTRIBUTION.matcher(trimmed).matches()
                    || (trimmed.startsWith("On ") && ATTRIBUTION.matcher(withNext).matches())) {
                break;
            }
            own.append(line).append('\n');
        }
        return own.toString().strip();
    }

    private static InboundMail.Kind kind(MimeMessage message, String from) throws MessagingException {
        String contentType = message.getContentType();
        if (BOUNCE_SENDER.matcher(from).matches() || isDeliveryReport(contentType)) {
            return InboundMail.Kind.BOUNCE;
        }
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        String precedence = message.getHeader("Precedence", null);
        String subject = message.getSubject();
        if ((autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no"))
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                || (precedence != null && AUTO_PRECEDENCE.matcher(precedence).matches())
                || (subject != null && AUTO_SUBJECT.matcher(subject).find())) {
            return InboundMail.Kind.AUTO_REPLY;
        }
        return InboundMail.Kind.REPLY;
    }

    private static boolean isDeliveryReport(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            ContentType type = new ContentType(contentType);
            return type.match("multipart/report") && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            return null;
        }
        return address.getAddress();
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first plain text (else the first HTML, tags removed) and every attachment. */
    private static final class Parts {
        final List<InboundMail.Attachment> attachments = new ArrayList<>();
        String plain;
        String html;

        String text() {
            if (plain != null) {
                return plain;
            }
            return html == null ? "" : html.replaceAll("(?is)<(script|style).*?</\\1>", "")
                    .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n").replaceAll("<[^>]+>", "")
                    .replace("&nbsp;", " ").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
        }

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
                return;
            }
            String name = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
            if (!attachment && part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (attachment) {
                byte[] content;
                try (var in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
                attachments.add(new InboundMail.Attachment(name, baseType(part.getContentType()), content));
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name != null && name.contains("=?")) {
                try {
                    name = MimeUtility.decodeText(name);
                } catch (IOException e) {
                    // keep the encoded name
                }
            }
            return name;
        }

        private static String baseType(String contentType) {
            try {
                return contentType == null ? "application/octet-stream"
                        : new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
            } catch (MessagingException e) {
                return "application/octet-stream";
            }
        }
    }
}

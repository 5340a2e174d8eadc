package com.returnsgateway.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.mail.MailAddress;
import com.returnsgateway.core.mail.MailStreams;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The sandbox mail server (GreenMail): SMTP without authentication, and the emails it captured, in arrival order (a
 * message sent to several recipients in one SMTP transaction is captured once, with all its envelope recipients);
 * and IMAP with one mailbox, the seller's ({@code sandbox.imap.address}), where mail sent to that address lands and
 * the gateway reads buyers' replies.
 */
@Component
@SandboxEnabled
public class SandboxMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);

    /** An attachment of a captured email. */
    public record Attachment(int index, String name, String contentType, byte[] content) {
    }

    /** A captured email, parsed once on arrival. */
    public record CapturedMail(int index, String messageId, String from, String fromName, List<String> to,
                               List<String> cc, Set<String> recipients, String subject, Instant sentDate,
                               Instant receivedAt, List<String> contentTypes, String textBody, String htmlBody,
                               List<Attachment> attachments, byte[] raw) {

        public boolean isFor(String address) {
            String a = address.trim().toLowerCase(Locale.ROOT);
            return recipients.contains(a) || to.stream().anyMatch(t -> t.equalsIgnoreCase(a))
                    || cc.stream().anyMatch(t -> t.equalsIgnoreCase(a));
        }
    }

    static {
        MailStreams.nameTheProvider();
    }

    private final SandboxProperties.Smtp settings;
    private final SandboxProperties.Imap imap;
    private final Session parseSession = Session.getInstance(new Properties());
    private final List<CapturedMail> mails = new ArrayList<>();
    private final Map<MovingMessage, Integer> indexByMessage = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile GreenMail greenMail;

    public SandboxMailServer(SandboxProperties properties) {
        this.settings = properties.getSmtp();
        this.imap = properties.getImap();
    }

    @Override
    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(settings.getPort(), settings.getHost(), ServerSetup.PROTOCOL_SMTP),
                // a free SMTP port asks for a free IMAP port too: a test context must not hold on to 3143
                new ServerSetup(settings.getPort() == 0 ? 0 : imap.getPort(), settings.getHost(),
                        ServerSetup.PROTOCOL_IMAP)});
        server.start();
        // the seller's mailbox; every other recipient (buyers, operations) gets one created on delivery
        server.setUser(imap.getAddress(), imap.getAddress(), imap.getPassword());
        MessageDeliveryHandler delivery = server.getUserManager().getMessageDeliveryHandler();
        server.getUserManager().setMessageDeliveryHandler((message, address) -> {
            capture(message, address);
            return delivery.handle(message, address);
        });
        greenMail = server;
        log.info("Sandbox SMTP server listening on {}:{}, IMAP on port {}", settings.getHost(), port(), imapPort());
    }

    @Override
    public synchronized void stop() {
        GreenMail server = greenMail;
        greenMail = null;
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return greenMail != null;
    }

    /** Starts before the gateway's routes and web server, stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    public String host() {
        return settings.getHost();
    }

    /** The port actually listened on (the configured one, or the one picked for port 0); -1 when stopped. */
    public int port() {
        GreenMail server = greenMail;
        return server == null ? -1 : server.getSmtp().getPort();
    }

    /** The IMAP port actually listened on; -1 when stopped. */
    public int imapPort() {
        GreenMail server = greenMail;
        return server == null ? -1 : server.getImap().getPort();
    }

    /** The seller's mailbox: its address, which is also its IMAP user name. */
    public String inboxAddress() {
        return imap.getAddress();
    }

    public List<CapturedMail> mails() {
        synchronized (mails) {
            return List.copyOf(mails);
        }
    }

    public Optional<CapturedMail> mail(int index) {
        synchronized (mails) {
            return index >= 0 && index < mails.size() ? Optional.of(mails.get(index)) : Optional.empty();
        }
    }

    public void clear() {
        synchronized (mails) {
            mails.clear();
            indexByMessage.clear();
        }
    }

    private void capture(MovingMessage moving, MailAddress address) {
        String recipient = address.getEmail().toLowerCase(Locale.ROOT);
        synchronized (mails) {
            Integer known = indexByMessage.get(moving);
            if (known != null && known < mails.size()) {
                mails.get(known).recipients().add(recipient);
                return;
            }
            CapturedMail mail = parse(mails.size(), moving.getMessage(), recipient);
            mails.add(mail);
            indexByMessage.put(moving, mail.index());
        }
    }

    private CapturedMail parse(int index, MimeMessage message, String recipient) {
        Set<String> recipients = Collections.synchronizedSet(new LinkedHashSet<>());
        recipients.add(recipient);
        Instant now = Instant.now();
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            MimeMessage copy = new MimeMessage(parseSession, new ByteArrayInputStream(raw.toByteArray()));
            Parts parts = new Parts();
            parts.walk(copy);
            Address[] from = copy.getFrom();
            InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress ia ? ia : null;
            return new CapturedMail(index, copy.getMessageID(),
                    sender == null ? null : sender.getAddress(), sender == null ? null : sender.getPersonal(),
                    addresses(copy, Message.RecipientType.TO), addresses(copy, Message.RecipientType.CC), recipients,
                    copy.getSubject(), copy.getSentDate() == null ? null : copy.getSentDate().toInstant(), now,
                    List.copyOf(parts.contentTypes), parts.text, parts.html, List.copyOf(parts.attachments),
                    raw.toByteArray());
        } catch (MessagingException | IOException e) {
            log.warn("Sandbox SMTP: could not parse message {}: {}", index, e.toString());
            return new CapturedMail(index, null, null, null, List.of(), List.of(), recipients,
                    "(unparseable: " + e.getMessage() + ")", null, now, List.of(), null, null, List.of(), new byte[0]);
        }
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
        Address[] addresses = message.getRecipients(type);
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                list.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
            }
        }
        return List.copyOf(list);
    }

    private static final class Parts {
        final List<String> contentTypes = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();
        String text;
        String html;

        void walk(Part part) throws MessagingException, IOException {
            String type = baseType(part.getContentType());
            contentTypes.add(type);
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
                return;
            }
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || (fileName != null && !part.isMimeType("text/*"));
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (attachment || fileName != null) {
                byte[] content;
                try (var in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
                attachments.add(new Attachment(attachments.size(), fileName, type, content));
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name != null && name.contains("=?")) {
                try {
                    name = MimeUtility.decodeText(name);
                } catch (IOException e) {
                    // keep the raw name
                }
            }
            return name;
        }

        private static String baseType(String contentType) {
            if (contentType == null) {
                return "text/plain";
            }
            try {
                return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
            } catch (MessagingException e) {
                int semicolon = contentType.indexOf(';');
                return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            }
        }
    }
}

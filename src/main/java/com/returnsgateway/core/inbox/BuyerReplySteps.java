package com.returnsgateway.core.inbox;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.INBOUND_MAIL;
import static com.returnsgateway.core.RouteVariables.OUTGOING_EMAIL;
import static com.returnsgateway.core.RouteVariables.REPLY_ID;
import static com.returnsgateway.core.RouteVariables.REPLY_KEY;
import static com.returnsgateway.core.RouteVariables.REPLY_KIND;
import static com.returnsgateway.core.RouteVariables.REPLY_PROBLEM;
import static com.returnsgateway.core.RouteVariables.REPLY_TASK_DUE;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.mail.EmailComposer;
import com.returnsgateway.core.mail.EmailKind;
import com.returnsgateway.core.mail.EmailLog;
import com.returnsgateway.core.mail.MimeMessageFactory;
import com.returnsgateway.core.mail.OutgoingEmail;
import com.returnsgateway.core.returns.ReturnParcels;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the inbox route: read a message, match it to its case, keep it there (or in the quarantine), attach a
 * tracking number it gives, and tell operations. Logs name Message-IDs and case ids only, never the sender or text.
 */
@Component
public class BuyerReplySteps {

    /** The task key (tasks.properties) of the operations email about a reply. */
    static final String TASK = "buyer_replied";
    /** Where quarantined messages say they came from. */
    static final String SOURCE = "inbox";
    private static final Pattern CASE_ID_IN_SUBJECT = Pattern.compile("\\bRC-[0-9A-HJKMNP-TV-Z]{10}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Logger log = LoggerFactory.getLogger(BuyerReplySteps.class);

    private final InboundMailReader reader = new InboundMailReader();
    private final EmailLog emailLog;
    private final CaseRepository caseRepository;
    private final Cases cases;
    private final BuyerReplies replies;
    private final ReturnParcels returnParcels;
    private final Quarantine quarantine;
    private final EmailComposer composer;
    private final MimeMessageFactory mimeMessages;
    private final InboxSettings settings;
    private final Clock clock;

    public BuyerReplySteps(EmailLog emailLog, CaseRepository caseRepository, Cases cases, BuyerReplies replies,
                           ReturnParcels returnParcels, Quarantine quarantine, EmailComposer composer,
                           MimeMessageFactory mimeMessages, InboxSettings settings, Clock clock) {
        this.emailLog = emailLog;
        this.caseRepository = caseRepository;
        this.cases = cases;
        this.replies = replies;
        this.returnParcels = returnParcels;
        this.quarantine = quarantine;
        this.composer = composer;
        this.mimeMessages = mimeMessages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The body becomes the raw message; the parsed message and its key go in variables (MALFORMED when unreadable). */
    public void read(Exchange exchange) throws MessagingException, IOException {
        byte[] raw = raw(exchange);
        exchange.getMessage().setBody(raw);
        try {
            InboundMail mail = reader.read(raw);
            exchange.setVariable(INBOUND_MAIL, mail);
            exchange.setVariable(REPLY_KEY, mail.key());
        } catch (InboundMailReader.MalformedMailException e) {
            exchange.setVariable(INBOUND_MAIL, null);
            exchange.setVariable(REPLY_KEY, InboundMailReader.keyOf(raw));
            exchange.setVariable(REPLY_KIND, "MALFORMED");
            exchange.setVariable(REPLY_PROBLEM, "Malformed email: " + e.getMessage());
        }
    }

    /** Sets the case and the kind (REPLY, AUTO_REPLY, BOUNCE), or UNMATCHED with the reason. */
    public void match(@Variable(INBOUND_MAIL) InboundMail mail, Exchange exchange) {
        if (mail == null) {
            return;
        }
        Optional<String> caseId = emailLog.caseOfBuyerEmail(mail.relatedIds())
                .or(() -> caseIdInSubject(mail.subject()));
        if (caseId.isEmpty()) {
            exchange.setVariable(REPLY_KIND, "UNMATCHED");
            exchange.setVariable(REPLY_PROBLEM, "Email matches no case: it answers no email the gateway sent "
                    + "(In-Reply-To/References) and its subject names no case id");
            return;
        }
        exchange.setVariable(CASE_ID, caseId.get());
        exchange.setVariable(REPLY_KIND, mail.kind().name());
    }

    /** A buyer's reply: on the timeline with its attachments, its tracking number attached; operations to be told. */
    public void recordReply(@Variable(CASE_ID) String caseId, @Variable(INBOUND_MAIL) InboundMail mail,
                            Exchange exchange) {
        TrackingNumbers.Found tracking = TrackingNumbers.find(mail.text()).orElse(null);
        BuyerReplies.Stored stored = replies.store(caseId, mail, tracking, settings.maxAttachmentSize().toBytes());
        if (stored.isNew()) {
            cases.record(caseId, "buyer", "BUYER_REPLY", "Buyer replied by email from " + mail.from() + ", \""
                    + mail.subject() + "\":\n" + mail.text() + attachmentList(stored.id()), "RECEIVED");
            if (tracking != null) {
                ReturnParcels.Attached attached = returnParcels.attach(caseId, tracking.number(), tracking.carrier(),
                        "buyer reply");
                if (attached == ReturnParcels.Attached.NOT_WAITING) {
                    cases.record(caseId, "buyer", "RETURN_TRACKING", "The buyer's reply names tracking number "
                            + tracking.number() + "; the case is waiting for no return parcel", "IGNORED");
                }
            }
            log.info("Buyer reply {} recorded on case {}{}", mail.messageId(), caseId,
                    tracking == null ? "" : " with a tracking number");
        }
        exchange.setVariable(REPLY_ID, stored.id());
        exchange.setVariable(REPLY_TASK_DUE, stored.taskDue());
    }

    /** An auto-reply or a bounce: on the timeline as such; it wakes nothing and makes no task. */
    public void recordAutomatic(@Variable(CASE_ID) String caseId, @Variable(INBOUND_MAIL) InboundMail mail) {
        BuyerReplies.Stored stored = replies.store(caseId, mail, null, settings.maxAttachmentSize().toBytes());
        if (stored.isNew()) {
            boolean bounce = mail.kind() == InboundMail.Kind.BOUNCE;
            cases.record(caseId, "inbox", mail.kind().name(), (bounce
                    ? "An email to the buyer bounced: delivery report from " : "Automatic reply received from ")
                    + mail.from() + ", \"" + mail.subject() + "\" (not acted on)", "IGNORED");
            log.info("{} {} recorded on case {}", bounce ? "Bounce" : "Auto-reply", mail.messageId(), caseId);
        }
    }

    /** Unmatched or malformed: kept whole (up to gateway.inbox.max-raw-size) for an operator. */
    public void quarantine(@Variable(REPLY_KEY) String key, @Variable(REPLY_PROBLEM) String problem, Exchange exchange) {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        int cap = (int) Math.min(Integer.MAX_VALUE, settings.maxRawSize().toBytes());
        String reason = raw.length > cap ? problem + " (the first " + cap + " of " + raw.length + " bytes kept)" : problem;
        quarantine.keep(SOURCE, key, reason,
                new String(raw.length > cap ? Arrays.copyOf(raw, cap) : raw, StandardCharsets.UTF_8));
    }

    /** The operations task about a reply; its Message-ID names the reply, so each reply gets its own. */
    public MimeMessage composeTask(@Variable(CASE_ID) String caseId, @Variable(REPLY_ID) long replyId,
                                   Exchange exchange) {
        OutgoingEmail task = composer.operationsEmail(EmailKind.OPERATIONS_TASK, cases.get(caseId), TASK);
        String messageId = task.messageId().replace("." + EmailKind.OPERATIONS_TASK.templateName() + "@",
                "." + TASK + "-" + replyId + "@");
        OutgoingEmail email = new OutgoingEmail(task.caseId(), task.kind(), task.from(), task.to(), task.subject(),
                task.textBody(), task.htmlBody(), null, null, messageId, task.language());
        exchange.setVariable(OUTGOING_EMAIL, email);
        return mimeMessages.toMimeMessage(email);
    }

    /**
     * Logged as BUYER_REPLIED, not OPERATIONS_TASK: a task the case's own steps send later in the same status must not
     * be taken for this one.
     */
    public void taskSent(@Variable(CASE_ID) String caseId, @Variable(REPLY_ID) long replyId,
                         @Variable(OUTGOING_EMAIL) OutgoingEmail email) {
        emailLog.record(caseId, emailLog.statusEpoch(caseId), new EmailLog.SentEmail("BUYER_REPLIED", email.to(),
                email.subject(), email.messageId(), null, clock.instant()));
        replies.taskSent(replyId);
        cases.record(caseId, "mail", "EMAIL", "Email \"" + email.subject() + "\" sent to operations about the buyer's "
                + "reply", "BUYER_REPLIED");
    }

    private Optional<String> caseIdInSubject(String subject) {
        Matcher matcher = CASE_ID_IN_SUBJECT.matcher(subject == null ? "" : subject);
        while (matcher.find()) {
            String caseId = matcher.group().toUpperCase(Locale.ROOT);
            if (caseRepository.find(caseId).isPresent()) {
                return Optional.of(caseId);
            }
        }
        return Optional.empty();
    }

    private String attachmentList(long replyId) {
        List<BuyerReplies.StoredAttachment> attachments = replies.attachments(replyId);
        if (attachments.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("\nAttachments:");
        for (BuyerReplies.StoredAttachment a : attachments) {
            list.append("\n- ").append(a.name() == null ? "(unnamed)" : a.name()).append(" (").append(a.contentType())
                    .append(", ").append(a.size()).append(" bytes")
                    .append(a.kept() ? ")" : "; larger than gateway.inbox.max-attachment-size, not kept)");
        }
        return list.toString();
    }

    private static byte[] raw(Exchange exchange) throws MessagingException, IOException {
        MailMessage message = exchange.getIn(MailMessage.class);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.getMessage().writeTo(raw);
        return raw.toByteArray();
    }
}

package com.returnsgateway.core.mail;

import static com.returnsgateway.core.RouteVariables.ALERT_DETAILS;
import static com.returnsgateway.core.RouteVariables.ALERT_KEY;
import static com.returnsgateway.core.RouteVariables.ALERT_SOURCE;
import static com.returnsgateway.core.RouteVariables.ALERT_TITLE;
import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.EMAIL_KIND;
import static com.returnsgateway.core.RouteVariables.MAIL_ALREADY_SENT;
import static com.returnsgateway.core.RouteVariables.OUTGOING_EMAIL;
import static com.returnsgateway.core.RouteVariables.STATUS_EPOCH;
import static com.returnsgateway.core.RouteVariables.TASK;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.label.ReturnAddressBook;
import com.returnsgateway.core.label.ReturnLabelRenderer;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.offer.OfferSteps;
import com.returnsgateway.core.refund.RefundRepository;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/** The mail steps: compose the email a step calls for (with the return label when due), and log it once sent. */
@Component
public class MailSteps {

    private final Cases cases;
    private final RefundRepository refunds;
    private final EmailComposer composer;
    private final MimeMessageFactory mimeMessages;
    private final ReturnLabelRenderer labels;
    private final ReturnAddressBook addressBook;
    private final EmailLog log;
    private final GatewayProperties properties;
    private final OfferSteps offerSteps;
    private final Clock clock;

    public MailSteps(Cases cases, RefundRepository refunds, EmailComposer composer, MimeMessageFactory mimeMessages,
                     ReturnLabelRenderer labels, ReturnAddressBook addressBook, EmailLog log,
                     GatewayProperties properties, OfferSteps offerSteps, Clock clock) {
        this.cases = cases;
        this.refunds = refunds;
        this.composer = composer;
        this.mimeMessages = mimeMessages;
        this.labels = labels;
        this.addressBook = addressBook;
        this.log = log;
        this.properties = properties;
        this.offerSteps = offerSteps;
        this.clock = clock;
    }

    public MimeMessage composeBuyerEmail(@Variable(CASE_ID) String caseId, @Variable(EMAIL_KIND) String kind,
                                         Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        EmailKind emailKind = EmailKind.valueOf(kind);
        RefundInstruction refund = refunds.findByCase(caseId).orElse(null);
        byte[] label = emailKind == EmailKind.RETURN_LABEL ? label(returnCase) : null;
        OfferTerms offer = emailKind == EmailKind.PARTIAL_REFUND_OFFER ? offerSteps.terms(caseId) : null;
        OutgoingEmail email = composer.buyerEmail(emailKind, returnCase, refund, label, offer);
        return prepare(caseId, email, exchange);
    }

    public MimeMessage composeOperationsEmail(@Variable(CASE_ID) String caseId, @Variable(EMAIL_KIND) String kind,
                                              @Variable(TASK) String task, Exchange exchange) {
        OutgoingEmail email = composer.operationsEmail(EmailKind.valueOf(kind), cases.get(caseId), task);
        return prepare(caseId, email, exchange);
    }

    /** An alert about something outside any one case (variables alertSource, alertTitle, alertDetails, alertKey). */
    public MimeMessage composeOperationsAlert(@Variable(ALERT_SOURCE) String source,
                                              @Variable(ALERT_TITLE) String title,
                                              @Variable(ALERT_DETAILS) String details,
                                              @Variable(ALERT_KEY) String key, Exchange exchange) {
        OutgoingEmail alert = composer.operationsAlert(source, title, details, key);
        exchange.setVariable(OUTGOING_EMAIL, alert); // the email on its way is this one (its kind is counted)
        return mimeMessages.toMimeMessage(alert);
    }

    /** Sets {@code mailAlreadySent} when a resumed case already sent this email in its current status. */
    private MimeMessage prepare(String caseId, OutgoingEmail email, Exchange exchange) {
        int epoch = log.statusEpoch(caseId);
        exchange.setVariable(OUTGOING_EMAIL, email);
        exchange.setVariable(STATUS_EPOCH, epoch);
        exchange.setVariable(MAIL_ALREADY_SENT, log.alreadySent(caseId, email.kind().name(), epoch));
        return mimeMessages.toMimeMessage(email);
    }

    public void recordSent(@Variable(CASE_ID) String caseId, @Variable(OUTGOING_EMAIL) OutgoingEmail email,
                           @Variable(STATUS_EPOCH) int statusEpoch) {
        log.record(caseId, statusEpoch, new EmailLog.SentEmail(email.kind().name(), email.to(), email.subject(), email.messageId(),
                email.attachmentName(), clock.instant()), email.textBody(), email.htmlBody());
        cases.record(caseId, "mail", "EMAIL", "Email \"" + email.subject() + "\" sent to "
                + (email.kind() == EmailKind.OPERATIONS_TASK || email.kind() == EmailKind.MANUAL_REVIEW
                ? "operations" : "the buyer")
                + (email.attachmentName() == null ? "" : " with " + email.attachmentName()), email.kind().name());
    }

    /** The return label of a case, as emailed and as served by the API. */
    public byte[] label(ReturnCase returnCase) {
        GatewayProperties.Marketplace marketplace = properties.marketplaces().get(returnCase.marketplace());
        String country = marketplace == null ? "default" : marketplace.country();
        return labels.render(returnCase, addressBook.forCountry(country));
    }
}

package com.returnsgateway.core.mail;

/**
 * An email ready to send: headers already free of line breaks, bodies rendered. The attachment fields are null
 * when there is no attachment. The message id is fixed per case and kind, so a resend is recognisable.
 * {@code language} is the language the email is written in ("en", "de", "ja", "zh", ...): the reader's when
 * templates exist for it, otherwise English.
 */
public record OutgoingEmail(String caseId, EmailKind kind, String from, String to, String subject, String textBody,
                            String htmlBody, String attachmentName, byte[] attachment, String messageId,
                            String language) {

    /** An email in English. */
    public OutgoingEmail(String caseId, EmailKind kind, String from, String to, String subject, String textBody,
                         String htmlBody, String attachmentName, byte[] attachment, String messageId) {
        this(caseId, kind, from, to, subject, textBody, htmlBody, attachmentName, attachment, messageId,
                EmailComposer.FALLBACK_LANGUAGE);
    }
}

package com.returnsgateway.mail;

/**
 * An email ready to send: headers already free of line breaks, bodies rendered. The attachment fields are null
 * when there is no attachment. The message id is fixed per case and kind, so a resend is recognisable.
 */
public record OutgoingEmail(String caseId, EmailKind kind, String from, String to, String subject, String textBody,
                            String htmlBody, String attachmentName, byte[] attachment, String messageId) {
}

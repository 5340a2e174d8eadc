package com.returnsgateway.core.inbox;

import java.util.List;

/**
 * A message read from the inbox, parsed once.
 *
 * @param key        what makes it the same message when read again: its Message-ID, or a hash of the raw message
 * @param relatedIds Message-IDs it answers (In-Reply-To, References; for a bounce also those it quotes)
 * @param text       its text part with the quoted history cut off
 * @param raw        the message as received
 */
public record InboundMail(String key, String messageId, List<String> relatedIds, String from, String subject,
                          String text, List<Attachment> attachments, Kind kind, byte[] raw) {

    /** A buyer's own reply, or mail sent by a machine: an out-of-office answer or a delivery failure. */
    public enum Kind { REPLY, AUTO_REPLY, BOUNCE }

    public record Attachment(String name, String contentType, byte[] content) {
    }
}

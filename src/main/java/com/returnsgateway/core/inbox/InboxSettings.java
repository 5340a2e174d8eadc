package com.returnsgateway.core.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mailbox buyers reply to ({@code gateway.inbox.*}), read by routes/buyer-replies.camel.yaml. The route reads
 * enabled, protocol, host, port, folder and poll-interval from the environment (defaults in config/application.yaml);
 * the rest is read here.
 *
 * @param protocol          imaps (TLS, the default) or imap (the sandbox only: production refuses it)
 * @param username          the IMAP user, usually the address buyers reply to ({@code gateway.mail.from})
 * @param password          a secret: from the environment or a configtree file
 * @param maxAttachmentSize an attachment larger than this is listed on the case but its bytes are not kept
 * @param maxRawSize        a quarantined message keeps at most this much of its raw form
 */
@ConfigurationProperties("gateway.inbox")
public record InboxSettings(@DefaultValue("false") boolean enabled,
                            @DefaultValue("localhost") String host,
                            @DefaultValue("993") int port,
                            @DefaultValue("imaps") String protocol,
                            @DefaultValue("") String username,
                            @DefaultValue("") String password,
                            @DefaultValue("INBOX") String folder,
                            @DefaultValue("1m") Duration pollInterval,
                            @DefaultValue("10MB") DataSize maxAttachmentSize,
                            @DefaultValue("1MB") DataSize maxRawSize) {

    @Override
    public String toString() {
        return "InboxSettings[" + protocol + "://" + host + ":" + port + "/" + folder + ", enabled " + enabled
                + ", password " + (password.isBlank() ? "empty" : "set") + "]";
    }
}

package com.returnsgateway.adapter.sftp;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A forwarder that exchanges CSV files ({@code gateway.forwarders.<code>.type: sftp}, settings under
 * {@code gateway.forwarders.<code>.sftp.*}): the gateway writes intercept requests to {@code inbound-folder} and reads
 * results and status files from {@code outbound-folder}. It logs in with a password, a private key, or both; the
 * password and the key's passphrase come from the environment or a secret file and reach camel-ftp as property
 * references, never inside an endpoint URI.
 *
 * @param privateKeyFile       an OpenSSH or PEM private key file (a mounted secret); empty: password login only
 * @param privateKeyPassphrase the key file's passphrase, if it has one
 */
public record SftpSettings(@DefaultValue("localhost") String host, @DefaultValue("22") int port,
                           @DefaultValue("") String username, @DefaultValue("") String password,
                           @DefaultValue("") String privateKeyFile, @DefaultValue("") String privateKeyPassphrase,
                           @DefaultValue("") String knownHostsFile,
                           @DefaultValue("true") boolean strictHostKeyChecking,
                           @DefaultValue("inbound") String inboundFolder,
                           @DefaultValue("outbound") String outboundFolder,
                           @DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration batchInterval,
                           @DefaultValue("30m") Duration answerDeadline) {

    /** The protocol's {@code type:}. */
    public static final String TYPE = "sftp";

    public boolean checksHostKey() {
        return strictHostKeyChecking && !knownHostsFile.isBlank();
    }
}

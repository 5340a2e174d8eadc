package com.returnsgateway.adapter.sftp;

import com.returnsgateway.core.health.PollWatches;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One set of routes per SFTP forwarder in {@code gateway.forwarders}, from the templates in
 * routes/sftp-forwarder.camel.yaml: an uploader for intercept batches and a downloader for result and status files.
 * Host keys are always checked against the configured known_hosts file (never the user's own, which JSch would
 * otherwise append to), and the production profile refuses a forwarder without that check.
 */
@Component
public class SftpForwarderRoutes implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SftpForwarderRoutes.class);

    private final SftpForwarders forwarders;
    private final PollWatches pollWatches;

    public SftpForwarderRoutes(SftpForwarders forwarders, PollWatches pollWatches) {
        this.forwarders = forwarders;
        this.pollWatches = pollWatches;
        forwarders.all().forEach(this::refuseInsecure);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (Map.Entry<String, SftpSettings> entry : forwarders.all().entrySet()) {
            String forwarder = entry.getKey();
            SftpSettings sftp = entry.getValue();
            String outbound = folder(sftp.outboundFolder());
            // a consumer that cannot connect only skips its polls: the watch records each poll for the forwarder's
            // health (RemoteSystemsHealth) and logs an outage once, with its reason
            String polls = "sftpPolls-" + forwarder;
            // camel-ftp's own strategy disconnects after a failed poll, so that the next one reconnects
            camelContext.getRegistry().bind(polls, pollWatches.watch(RemoteSystem.forwarder(forwarder).id(),
                    new RemoteFilePollingConsumerPollStrategy()));
            TemplatedRouteBuilder.builder(camelContext, "sftp-forwarder-files")
                    .routeId("sftp-files-" + forwarder)
                    .parameter("forwarder", forwarder)
                    .parameter("downloadUri", uri(forwarder, sftp, outbound)
                            + "&include=RAW((results|status)-[A-Za-z0-9._-]{1,88}\\.csv)"
                            // readLockMinLength=0: an empty file is read (and rejected as such) instead of
                            // holding the consumer for readLockTimeout at every poll
                            + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=1000&readLockTimeout=20000"
                            + "&readLockMinLength=0"
                            + "&move=${header." + SftpFileSteps.TARGET_FOLDER + "}/${file:name}"
                            + "&idempotent=true&idempotentRepository=#sftpFileRepository"
                            + "&idempotentKey=" + forwarder + "/${file:name}"
                            + "&delay=" + sftp.pollInterval().toMillis()
                            // the body is the download stream: a file is checked against gateway.sftp.max-file-size
                            // before it is read, and read no further than that (SftpFileSteps)
                            + "&streamDownload=true"
                            + "&throwExceptionOnConnectFailed=true&pollStrategy=#" + polls
                            + "&exceptionHandler=#" + polls)
                    .parameter("errorUri", uri(forwarder, sftp, outbound + "/error"))
                    .add();
            TemplatedRouteBuilder.builder(camelContext, "sftp-intercept-files")
                    .routeId("sftp-intercepts-" + forwarder)
                    .parameter("forwarder", forwarder)
                    .parameter("uploadUri", uri(forwarder, sftp, folder(sftp.inboundFolder())) + "&tempPrefix=.inprogress-")
                    .parameter("batchInterval", String.valueOf(sftp.batchInterval().toMillis()))
                    .add();
            log.info("SFTP forwarder {}: intercept requests to {}:{}/{}, results and statuses from /{}", forwarder,
                    sftp.host(), sftp.port(), folder(sftp.inboundFolder()), outbound);
        }
    }

    /** Production refuses this before any bean is made (SftpProductionCheck); elsewhere it is only told. */
    private void refuseInsecure(String forwarder, SftpSettings sftp) {
        if (!sftp.checksHostKey()) {
            log.warn("SFTP forwarder {} does not check the server's host key: anyone on the path can pose as it",
                    forwarder);
        }
    }

    /**
     * The endpoint URI of a folder on the forwarder's server. Secrets are not in it: the password and the key's
     * passphrase are {@code #property:} references that camel-ftp resolves from the configuration when it connects,
     * so the URI can be logged, shown in route listings and in error messages as it is.
     */
    static String uri(String forwarder, SftpSettings sftp, String folder) {
        String settings = "gateway.forwarders." + forwarder + ".sftp.";
        StringBuilder uri = new StringBuilder("sftp://").append(sftp.host()).append(':').append(sftp.port())
                .append('/').append(folder)
                .append("?username=").append(URLEncoder.encode(sftp.username(), StandardCharsets.UTF_8));
        if (!sftp.password().isEmpty()) {
            uri.append("&password=#property:").append(settings).append("password");
        }
        if (!sftp.privateKeyFile().isBlank()) {
            uri.append("&privateKeyFile=").append(sftp.privateKeyFile().strip());
            if (!sftp.privateKeyPassphrase().isEmpty()) {
                uri.append("&privateKeyPassphrase=#property:").append(settings).append("private-key-passphrase");
            }
        }
        uri.append("&useUserKnownHostsFile=false")
                .append("&binary=true&charset=UTF-8&connectTimeout=10000&timeout=30000&soTimeout=30000");
        if (sftp.checksHostKey()) {
            uri.append("&strictHostKeyChecking=yes&knownHostsFile=").append(sftp.knownHostsFile());
        } else {
            uri.append("&strictHostKeyChecking=no");
        }
        return uri.toString();
    }

    private static String folder(String folder) {
        return folder.replaceAll("^/+|/+$", "");
    }
}

package com.returnsgateway.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Everything under {@code gateway.*} that the flow reads; defaults in config/application.yaml. */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @DefaultValue("16") int workers,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Retry retry,
        @DefaultValue Intake intake,
        @DefaultValue Refunds refunds,
        @DefaultValue Operations operations,
        @DefaultValue Mail mail,
        @DefaultValue("http://localhost:8080") String consoleBaseUrl,
        Map<String, Marketplace> marketplaces,
        Map<String, Forwarder> forwarders,
        Map<String, Map<String, String>> statusProfiles,
        @DefaultValue BackOffice backOffice,
        @DefaultValue ShipmentLookup shipmentLookup) {

    public GatewayProperties {
        marketplaces = marketplaces == null ? Map.of() : Map.copyOf(marketplaces);
        forwarders = forwarders == null ? Map.of() : Map.copyOf(forwarders);
        statusProfiles = statusProfiles == null ? Map.of() : Map.copyOf(statusProfiles);
    }

    public record Dispatcher(@DefaultValue("500ms") Duration interval, @DefaultValue("64") int batchSize,
                             @DefaultValue("2m") Duration lease) {
    }

    public record Intake(@DefaultValue("10s") Duration pollInterval, @DefaultValue("100") int maxPagesPerPoll) {
    }

    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration initialDelay,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("10m") Duration maxDelay) {
    }

    /** Returnless refund thresholds per currency: a delivered item worth less is not asked back. */
    public record Refunds(Map<String, BigDecimal> returnlessThreshold) {
        public Refunds {
            returnlessThreshold = returnlessThreshold == null ? Map.of() : Map.copyOf(returnlessThreshold);
        }
    }

    public record Operations(@DefaultValue("ops@seller.example") String email) {
    }

    public record Mail(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
                       @DefaultValue("returns@seller.example") String from,
                       @DefaultValue("") String username, @DefaultValue("") String password,
                       @DefaultValue("10s") Duration timeout) {
    }

    /** A marketplace speaking the generic marketplace API: {base}/returns and {base}/refunds. */
    public record Marketplace(String baseUrl, @DefaultValue("US") String country,
                              @DefaultValue("true") boolean poll) {

        /** {@code base-url} joined with a path that starts with a slash. */
        public String url(String path) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
    }

    /** A forwarder: how to reach it ({@code http} or {@code sftp}) and which status profile translates its codes. */
    public record Forwarder(@DefaultValue("http") String transport, String baseUrl, String statusProfile,
                            @DefaultValue Sftp sftp) {

        @ConstructorBinding
        public Forwarder {
            sftp = sftp == null ? Sftp.DEFAULT : sftp;
        }

        /** An HTTP forwarder. */
        public Forwarder(String transport, String baseUrl, String statusProfile) {
            this(transport, baseUrl, statusProfile, null);
        }

        public boolean isSftp() {
            return "sftp".equalsIgnoreCase(transport);
        }

        /** {@code base-url} joined with a path that starts with a slash. */
        public String url(String path) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
    }

    /**
     * A forwarder that exchanges CSV files: the gateway writes intercept requests to {@code inbound-folder} and reads
     * results and status files from {@code outbound-folder}. The password comes from the environment or a secret file.
     */
    public record Sftp(@DefaultValue("localhost") String host, @DefaultValue("22") int port,
                       @DefaultValue("") String username, @DefaultValue("") String password,
                       @DefaultValue("") String knownHostsFile, @DefaultValue("true") boolean strictHostKeyChecking,
                       @DefaultValue("inbound") String inboundFolder, @DefaultValue("outbound") String outboundFolder,
                       @DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration batchInterval,
                       @DefaultValue("30m") Duration answerDeadline) {

        public static final Sftp DEFAULT = new Sftp("localhost", 22, "", "", "", true, "inbound", "outbound",
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(30));
    }

    public record BackOffice(@DefaultValue("") String baseUrl) {

        /** {@code base-url} joined with a path that starts with a slash. */
        public String url(String path) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
    }

    /** Order-to-waybill file (CSV: orderId,forwarder,waybill) for requests that do not name their shipment. */
    public record ShipmentLookup(@DefaultValue("") String file) {
    }
}

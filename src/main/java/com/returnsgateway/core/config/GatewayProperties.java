package com.returnsgateway.core.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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

    /** The Amazon settings of an account (a marketplace of type amazon); refused by name for any other code. */
    public Amazon amazon(String account) {
        Marketplace marketplace = marketplaces.get(account);
        if (marketplace == null || !marketplace.isAmazon()) {
            throw new IllegalArgumentException(account + " is not an Amazon account (gateway.marketplaces."
                    + account + ".type: amazon)");
        }
        return marketplace.amazon();
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

    /**
     * A marketplace: one speaking the generic marketplace API ({@code type: generic}, {base}/returns and
     * {base}/refunds), or an Amazon seller account ({@code type: amazon}, the Selling Partner API; see {@link Amazon}).
     */
    public record Marketplace(String baseUrl, @DefaultValue("US") String country,
                              @DefaultValue("true") boolean poll, @DefaultValue("generic") String type,
                              Amazon amazon) {

        @ConstructorBinding
        public Marketplace {
            if (isAmazonType(type) && amazon == null) {
                throw new IllegalArgumentException("a marketplace of type amazon needs its amazon: settings");
            }
        }

        /** A marketplace speaking the generic API. */
        public Marketplace(String baseUrl, String country, boolean poll) {
            this(baseUrl, country, poll, "generic", null);
        }

        public boolean isAmazon() {
            return isAmazonType(type);
        }

        private static boolean isAmazonType(String type) {
            return "amazon".equalsIgnoreCase(type);
        }

        /** {@code base-url} joined with a path that starts with a slash. */
        public String url(String path) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
    }

    /**
     * One Amazon seller account in one region, for one set of marketplaces. Credentials (client id and secret of the
     * SP-API application, the seller's refresh token) come from the environment or mounted secret files, never from
     * committed configuration. {@code endpoint} defaults to the region's SP-API host.
     *
     * @param restrictedData  ask for a restricted data token to read the buyer's email and address (needs the PII
     *                        role); without it, or when Amazon refuses it, emails go to {@code fallbackBuyerEmail}
     * @param reportInterval  how often a new returns report is requested once the last one is processed
     * @param initialLookback how far back the first report reaches when there is no checkpoint yet
     * @param feedInterval    the least time between two refund feeds (createFeed allows one per 120 s)
     * @param taxes           per marketplace id: whether refunds split out the tax (Japan rejects a split)
     * @param reasons         Amazon return reason codes mapped to the gateway's, over the built-in table
     */
    public record Amazon(@DefaultValue("na") String region, @DefaultValue("") String endpoint,
                         @DefaultValue("https://api.amazon.com/auth/o2/token") String lwaEndpoint,
                         @DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
                         @DefaultValue("") String refreshToken, @DefaultValue("") String sellerId,
                         List<String> marketplaceIds, @DefaultValue("true") boolean restrictedData,
                         @DefaultValue("") String fallbackBuyerEmail, @DefaultValue("en-US") String fallbackLocale,
                         @DefaultValue("15m") Duration reportInterval, @DefaultValue("30d") Duration initialLookback,
                         @DefaultValue("2m") Duration feedInterval, @DefaultValue("2000") int maxRefundsPerFeed,
                         Map<String, Tax> taxes, Map<String, String> reasons) {

        public Amazon {
            marketplaceIds = marketplaceIds == null ? List.of() : List.copyOf(marketplaceIds);
            taxes = taxes == null ? Map.of() : Map.copyOf(taxes);
            reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
        }

        /** The SP-API host: {@code endpoint}, or the region's production host. */
        public String apiUrl(String path) {
            String base = endpoint == null || endpoint.isBlank()
                    ? "https://sellingpartnerapi-" + region.strip().toLowerCase(java.util.Locale.ROOT) + ".amazon.com"
                    : endpoint;
            return base.replaceAll("/+$", "") + path;
        }

        public Tax tax(String marketplaceId) {
            return marketplaceId == null ? Tax.INCLUDED : taxes.getOrDefault(marketplaceId, Tax.INCLUDED);
        }
    }

    /**
     * How a refund's tax goes to Amazon: {@code split: false} sends the gross amount as Principal (what Japan
     * requires); {@code split: true} sends Principal net of tax and the tax as its own component, at {@code rate}.
     */
    public record Tax(@DefaultValue("false") boolean split, @DefaultValue("0") BigDecimal rate) {

        public static final Tax INCLUDED = new Tax(false, BigDecimal.ZERO);
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

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

    /**
     * A forwarder: which protocol it speaks ({@code type}: {@code http} for the gateway's own HTTP contract, {@code
     * sftp} for CSV files over SFTP; one adapter each), where it is, and which status profile translates its codes. An
     * adapter reads its own settings from {@code gateway.forwarders.<code>.<type>.*} (say, {@code .sftp.host}).
     *
     * @param transport the former name of {@code type}, still read when {@code type} is not set
     */
    public record Forwarder(String type, String transport, String baseUrl, String statusProfile) {

        @ConstructorBinding
        public Forwarder {
            type = type != null && !type.isBlank() ? type.strip().toLowerCase(java.util.Locale.ROOT)
                    : transport != null && !transport.isBlank() ? transport.strip().toLowerCase(java.util.Locale.ROOT)
                    : "http";
        }

        /** A forwarder of the given type. */
        public Forwarder(String type, String baseUrl, String statusProfile) {
            this(type, null, baseUrl, statusProfile);
        }

        /** {@code base-url} joined with a path that starts with a slash. */
        public String url(String path) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalStateException("a forwarder of type " + type + " needs its base-url");
            }
            return baseUrl.replaceAll("/+$", "") + path;
        }
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

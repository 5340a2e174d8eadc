package com.returnsgateway.adapter.amazon.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One Amazon seller account in one region, for one set of marketplaces: {@code gateway.marketplaces.<code>.amazon.*}
 * of a marketplace of {@code type: amazon}. Credentials (client id and secret of the SP-API application, the seller's refresh token) come from the environment or mounted secret files, never from
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
public record AmazonAccount(@DefaultValue("na") String region, @DefaultValue("") String endpoint,
                            @DefaultValue("https://api.amazon.com/auth/o2/token") String lwaEndpoint,
                            @DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
                            @DefaultValue("") String refreshToken, @DefaultValue("") String sellerId,
                            List<String> marketplaceIds, @DefaultValue("true") boolean restrictedData,
                            @DefaultValue("") String fallbackBuyerEmail, @DefaultValue("en-US") String fallbackLocale,
                            @DefaultValue("15m") Duration reportInterval, @DefaultValue("30d") Duration initialLookback,
                            @DefaultValue("2m") Duration feedInterval, @DefaultValue("2000") int maxRefundsPerFeed,
                            Map<String, Tax> taxes, Map<String, String> reasons) {

    public AmazonAccount {
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

    /**
     * How a refund's tax goes to Amazon: {@code split: false} sends the gross amount as Principal (what Japan
     * requires); {@code split: true} sends Principal net of tax and the tax as its own component, at {@code rate}.
     */
    public record Tax(@DefaultValue("false") boolean split, @DefaultValue("0") BigDecimal rate) {

        public static final Tax INCLUDED = new Tax(false, BigDecimal.ZERO);
    }
}

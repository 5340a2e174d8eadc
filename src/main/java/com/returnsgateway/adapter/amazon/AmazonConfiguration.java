package com.returnsgateway.adapter.amazon;


import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.api.DocumentHosts;
import com.returnsgateway.adapter.amazon.api.DocumentLimits;
import com.returnsgateway.adapter.amazon.api.LwaTokens;
import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.core.config.GatewayProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The Selling Partner API client shared by every Amazon account (gateway.amazon-api.*). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AmazonConfiguration.AmazonApiProperties.class)
public class AmazonConfiguration {

    /**
     * The Selling Partner API client shared by Amazon accounts (marketplaces of type amazon), under
     * {@code gateway.amazon-api}; its defaults are written here only.
     *
     * @param pollInterval     how often each account's report and feed cycles take their next step
     * @param timeout          connect and response timeout of each call
     * @param maxRateWait      a call waits in place this long at most (under 1 s) for its rate limit to allow it,
     *                         else the call fails as transient and its cycle rests the wait
     * @param throttledBackoff after a 429 without Retry-After, the operation rests at least this long (longer when
     *                         its bucket needs longer for a token)
     * @param rates            requests per second by operation name (createFeed, getReport, ...), over Amazon's
     *                         documented rates
     * @param maxBackoff       a cycle whose step failed rests Amazon's Retry-After (capped at
     *                         {@code gateway.retry.max-retry-after}), else the poll interval doubling up to this
     * @param feedListDelay    a createFeed whose answer was lost counts as not created only if Amazon's feed list
     *                         still lacks it this long after the attempt
     * @param documentHosts    where pre-signed document URLs from Amazon's answers may lead: hosts, {@code *.domain}
     *                         or full origins ({@code http://localhost:8080}, the only way to allow http)
     * @param maxDocumentSize  a report or processing report document is read off the wire up to this, else refused
     * @param maxUnpackedDocumentSize  and unpacked (GZIP) up to this, else refused (a gzip bomb ends here)
     */
    @ConfigurationProperties("gateway.amazon-api")
    public record AmazonApiProperties(@DefaultValue("30s") Duration pollInterval, @DefaultValue("20s") Duration timeout,
                                      @DefaultValue("200ms") Duration maxRateWait,
                                      @DefaultValue("2s") Duration throttledBackoff, Map<String, Double> rates,
                                      @DefaultValue("15m") Duration maxBackoff,
                                      @DefaultValue("1m") Duration feedListDelay,
                                      @DefaultValue("*.amazonaws.com") List<String> documentHosts,
                                      @DefaultValue("64MB") DataSize maxDocumentSize,
                                      @DefaultValue("256MB") DataSize maxUnpackedDocumentSize) {
    }

    /** The cycles' timer period in milliseconds, for {@code {{bean:amazonSchedule.pollInterval}}} in the routes. */
    public record AmazonSchedule(long pollInterval) {
    }

    @Bean
    AmazonSchedule amazonSchedule(AmazonApiProperties api) {
        return new AmazonSchedule(api.pollInterval().toMillis());
    }

    @Bean
    LwaTokens lwaTokens(AmazonApiProperties api, JsonMapper json, Clock clock) {
        return new LwaTokens(httpClient(api), json, clock, api.timeout());
    }

    @Bean
    SpApiClient spApiClient(AmazonAccounts accounts, LwaTokens lwa, AmazonApiProperties api,
                            GatewayProperties gateway, JsonMapper json, Clock clock) {
        SpApiClient.Settings settings = new SpApiClient.Settings(api.timeout(), api.maxRateWait(),
                api.throttledBackoff(), gateway.retry().maxRetryAfter(), api.rates(),
                new DocumentHosts(api.documentHosts()),
                new DocumentLimits(api.maxDocumentSize().toBytes(), api.maxUnpackedDocumentSize().toBytes()));
        // the only in-place wait: a rate-limit wait under max-rate-wait, which Settings keeps under a second
        return new SpApiClient(accounts, lwa, httpClient(api), json, clock, settings,
                duration -> Thread.sleep(duration.toMillis()));
    }

    private static HttpClient httpClient(AmazonApiProperties api) {
        return HttpClient.newBuilder()
                .connectTimeout(api.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}

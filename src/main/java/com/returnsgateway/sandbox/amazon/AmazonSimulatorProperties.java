package com.returnsgateway.sandbox.amazon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the Amazon Selling Partner API simulator ({@code sandbox.amazon.*}). */
@ConfigurationProperties("sandbox.amazon")
public class AmazonSimulatorProperties {

    /**
     * Sellers, orders, returns and their parcels loaded at startup (when {@code sandbox.seed.enabled}); a path
     * relative to the working directory or {@code classpath:...}; empty loads nothing.
     */
    private String seedFile = "config/sandbox/amazon-seed.json";
    /** How long an access token from the LWA endpoint works. */
    private Duration accessTokenLifetime = Duration.ofHours(1);
    /** How long a restricted data token works. */
    private Duration restrictedDataTokenLifetime = Duration.ofHours(1);
    /** How long a pre-signed report or feed document URL works. */
    private Duration documentUrlLifetime = Duration.ofMinutes(5);
    /** getReport calls that see a report unfinished (IN_QUEUE, then IN_PROGRESS) before it ends. */
    private int reportPollsBeforeDone = 2;
    /** getFeed calls that see a feed unfinished (IN_QUEUE, then IN_PROGRESS) before it ends. */
    private int feedPollsBeforeDone = 2;
    /**
     * What getOrder answers for an order it does not know: 404 (NotFound) or 400 (InvalidInput); Amazon documents
     * both.
     */
    private int unknownOrderStatus = 404;
    /** Per operation ({@code createFeed}, {@code getReport}, ...): rate (requests/s) and burst overriding Amazon's. */
    private Map<String, RateLimit> rateLimits = new LinkedHashMap<>();

    /** Load the seed at startup; unset: when the sandbox seeds ({@code sandbox.seed.enabled}). */
    private Boolean seedAtStartup;

    public Boolean getSeedAtStartup() {
        return seedAtStartup;
    }

    public void setSeedAtStartup(Boolean seedAtStartup) {
        this.seedAtStartup = seedAtStartup;
    }

    public String getSeedFile() {
        return seedFile;
    }

    public void setSeedFile(String seedFile) {
        this.seedFile = seedFile;
    }

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public Duration getRestrictedDataTokenLifetime() {
        return restrictedDataTokenLifetime;
    }

    public void setRestrictedDataTokenLifetime(Duration restrictedDataTokenLifetime) {
        this.restrictedDataTokenLifetime = restrictedDataTokenLifetime;
    }

    public Duration getDocumentUrlLifetime() {
        return documentUrlLifetime;
    }

    public void setDocumentUrlLifetime(Duration documentUrlLifetime) {
        this.documentUrlLifetime = documentUrlLifetime;
    }

    public int getReportPollsBeforeDone() {
        return reportPollsBeforeDone;
    }

    public void setReportPollsBeforeDone(int reportPollsBeforeDone) {
        this.reportPollsBeforeDone = reportPollsBeforeDone;
    }

    public int getFeedPollsBeforeDone() {
        return feedPollsBeforeDone;
    }

    public void setFeedPollsBeforeDone(int feedPollsBeforeDone) {
        this.feedPollsBeforeDone = feedPollsBeforeDone;
    }

    public int getUnknownOrderStatus() {
        return unknownOrderStatus;
    }

    public void setUnknownOrderStatus(int unknownOrderStatus) {
        this.unknownOrderStatus = unknownOrderStatus;
    }

    public Map<String, RateLimit> getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(Map<String, RateLimit> rateLimits) {
        this.rateLimits = rateLimits;
    }

    public static class RateLimit {
        /** Requests per second the bucket refills; Amazon's documented rate when unset. */
        private Double rate;
        /** Bucket size; Amazon's documented burst when unset. */
        private Integer burst;

        public Double getRate() {
            return rate;
        }

        public void setRate(Double rate) {
            this.rate = rate;
        }

        public Integer getBurst() {
            return burst;
        }

        public void setBurst(Integer burst) {
            this.burst = burst;
        }
    }
}

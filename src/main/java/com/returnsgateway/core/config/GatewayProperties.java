package com.returnsgateway.core.config;

import com.returnsgateway.core.model.Address;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code gateway.*} that the core and the SFTP adapter read, with its defaults: they are written
 * here only. config/application.yaml sets what differs (addresses, status profiles, thresholds, the embedded
 * database's folder and port) and the keys routes read straight from the environment ({@code gateway.workers},
 * {@code gateway.mail.host}, {@code gateway.mail.port}). The Amazon adapter binds its own {@code gateway.amazon-api}.
 *
 * @param workers         cases worked at once, so one slow forwarder does not hold the others; no default here:
 *                        routes/case-work.camel.yaml reads {@code gateway.workers} itself, so config/application.yaml
 *                        holds it
 * @param instanceId      this instance in case claims, stable across restarts; empty: host name and server port
 * @param consoleBaseUrl  what operations emails link a case with: this + {@code /console/cases/{caseId}} (the console)
 * @param returnAddresses where buyers send returns, per marketplace country (ISO 3166-1 alpha-2 keys, as in
 *                        {@code gateway.marketplaces.<code>.country}), plus {@code default} for every other country
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        int workers,
        @DefaultValue("") String instanceId,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Retry retry,
        @DefaultValue Intake intake,
        @DefaultValue Refunds refunds,
        @DefaultValue Operations operations,
        @DefaultValue Mail mail,
        @DefaultValue("http://localhost:8080") String consoleBaseUrl,
        @DefaultValue Api api,
        @DefaultValue Labels labels,
        Map<String, Address> returnAddresses,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue SftpFiles sftp,
        @DefaultValue Resilience resilience,
        Map<String, Marketplace> marketplaces,
        Map<String, Forwarder> forwarders,
        Map<String, Map<String, String>> statusProfiles,
        @DefaultValue BackOffice backOffice,
        @DefaultValue ShipmentLookup shipmentLookup,
        @DefaultValue Retention retention,
        @DefaultValue Intercepts intercepts) {

    public GatewayProperties {
        returnAddresses = returnAddresses == null ? Map.of() : Map.copyOf(returnAddresses);
        marketplaces = marketplaces == null ? Map.of() : Map.copyOf(marketplaces);
        forwarders = forwarders == null ? Map.of() : Map.copyOf(forwarders);
        statusProfiles = statusProfiles == null ? Map.of() : Map.copyOf(statusProfiles);
    }

    /** A settings record as binding makes it from nothing: its {@code @DefaultValue}s, written once above. */
    public static <T> T defaults(Class<T> type) {
        return new Binder(List.of()).bindOrCreate("gateway", Bindable.of(type));
    }

    /**
     * @param interval     how often due cases are claimed
     * @param lease        a claimed case is left alone by other instances until this lease runs out
     * @param initialDelay the first claim this long after start-up
     */
    public record Dispatcher(@DefaultValue("500ms") Duration interval, @DefaultValue("64") int batchSize,
                             @DefaultValue("2m") Duration lease, @DefaultValue("1s") Duration initialDelay) {
    }

    /**
     * @param initialDelay the first poll (of generic marketplaces and Amazon accounts) this long after start-up
     * @param maxPageSize  a marketplace page is read no further than this; a larger one is quarantined
     */
    /**
     * @param apiReviewAbove per currency: a return pushed through {@code POST /api/returns} whose items are worth more
     *                       waits in manual review until an operator confirms it; a currency not listed has no limit
     */
    public record Intake(@DefaultValue("10s") Duration pollInterval, @DefaultValue("100") int maxPagesPerPoll,
                         @DefaultValue("1s") Duration initialDelay, @DefaultValue("4MB") DataSize maxPageSize,
                         Map<String, BigDecimal> apiReviewAbove) {
        public Intake {
            apiReviewAbove = apiReviewAbove == null ? Map.of() : Map.copyOf(apiReviewAbove);
        }
    }

    /**
     * @param maxRetryAfter a remote's Retry-After is honoured up to this; a larger one counts as an attempt whose next
     *                      try is this far off
     */
    /**
     * @param credentialsRefusedDelay a case whose remote system refused the account's credentials waits this long
     *                                before trying again, without using up an attempt (operations were alerted once)
     */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration initialDelay,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("10m") Duration maxDelay,
                        @DefaultValue("1h") Duration maxRetryAfter,
                        @DefaultValue("15m") Duration credentialsRefusedDelay) {

        /** A remote's Retry-After as honoured: at most {@code maxRetryAfter}, so a remote cannot park work for days. */
        public Duration capRetryAfter(Duration retryAfter) {
            return retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
    }

    /** Returnless refund thresholds per currency: a delivered item worth less is not asked back. */
    public record Refunds(Map<String, BigDecimal> returnlessThreshold) {
        public Refunds {
            returnlessThreshold = returnlessThreshold == null ? Map.of() : Map.copyOf(returnlessThreshold);
        }
    }

    /** @param locale the language of operations emails: en or zh-CN */
    public record Operations(@DefaultValue("ops@seller.example") String email, @DefaultValue("en") String locale) {
    }

    /**
     * The SMTP server's host and port are not here: the routes' smtp URIs read {@code gateway.mail.host} and
     * {@code gateway.mail.port} from config/application.yaml.
     *
     * @param timeout          connect, read and write timeout
     * @param templatesDir     Thymeleaf templates a seller can edit without rebuilding
     * @param templateCacheTtl edited templates show within this time
     * @param security         how the SMTP connection is encrypted: {@code starttls} (required, not merely offered),
     *                         {@code smtps} (TLS from the first byte) or {@code none} (the sandbox's local server;
     *                         production refuses it)
     */
    public record Mail(@DefaultValue("returns@seller.example") String from,
                       @DefaultValue("") String username, @DefaultValue("") String password,
                       @DefaultValue("10s") Duration timeout,
                       @DefaultValue("config/templates/mail/") String templatesDir,
                       @DefaultValue("60s") Duration templateCacheTtl,
                       @DefaultValue("starttls") MailSecurity security) {

        public Mail {
            security = security == null ? MailSecurity.STARTTLS : security; // left empty: the safe choice
        }
    }

    public enum MailSecurity { STARTTLS, SMTPS, NONE }

    /**
     * Who may call the API, from the environment or secret files: none by default, and the gateway does not start
     * without at least one user or key. Roles: {@code intake} (POST /api/returns), {@code viewer} (GET /api/**),
     * {@code operator} (retry, received; reads too), {@code metrics} (actuator beyond health and info).
     *
     * @param username    with {@code password}: one user holding every role (the original single API user)
     * @param password    plain (hashed at start-up), or encoded: {@code {bcrypt}...}, {@code {sha256}...}, ...
     * @param users       HTTP basic users by name, each with its password (plain or encoded) and roles
     * @param keys        API keys for automation (header {@code X-API-Key} or {@code Authorization: Bearer}) by name,
     *                    each stored as the SHA-256 (hex) of the key, with its roles
     * @param maxBodySize a larger request body is refused with 413 without being read
     */
    public record Api(@DefaultValue("") String username, @DefaultValue("") String password,
                      Map<String, User> users, Map<String, Key> keys,
                      @DefaultValue("256KB") DataSize maxBodySize) {

        public Api {
            users = users == null ? Map.of() : Map.copyOf(users);
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }

        public record User(@DefaultValue("") String password, List<String> roles) {
            public User {
                roles = roles == null ? List.of() : List.copyOf(roles);
            }
        }

        public record Key(@DefaultValue("") String sha256, List<String> roles) {
            public Key {
                roles = roles == null ? List.of() : List.copyOf(roles);
            }
        }
    }

    /** @param format 4x6 (thermal label printers) or a4 (the label in the top-left quarter of an A4 page) */
    public record Labels(@DefaultValue("4x6") String format) {
    }

    /**
     * The embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
     *
     * @param dataDir where its data is kept across restarts; empty: a throw-away database in a temporary folder
     * @param port    0: any free port
     * @param durable fsync and synchronous commit on (zonky turns them off): a refund ledger must survive a power cut
     */
    public record EmbeddedDb(@DefaultValue("") String dataDir, @DefaultValue("0") int port,
                             @DefaultValue("true") boolean durable) {
    }

    /**
     * Intercepts whose answer comes later.
     *
     * @param followUpInterval how often cases waiting for an intercept answer are looked at: answered ones go on, a
     *                         forwarder whose answer is polled (4PX's hold) is asked again, overdue ones go to operations
     * @param alertAgainAfter  an operations alert about one system (its credentials refused) is not sent again
     *                         within this time
     */
    public record Intercepts(@DefaultValue("30s") Duration followUpInterval,
                             @DefaultValue("24h") Duration alertAgainAfter) {
    }

    /**
     * What every SFTP forwarder shares.
     *
     * @param maxFileSize a larger results or status file goes to error/ unread
     */
    public record SftpFiles(@DefaultValue("2MB") DataSize maxFileSize) {
    }

    /**
     * One circuit breaker and one rate limiter per remote system: {@code defaults} for every system, and overrides
     * per marketplace code, per forwarder code, for the back office and for SMTP. A knob left out of an override
     * comes from {@code defaults}, and one left out there from {@link Knobs#BUILT_IN}. An open breaker or a spent
     * limit fails the call at once as a transient failure whose Retry-After is the time left, so cases wait instead
     * of hammering the system.
     */
    public record Resilience(@DefaultValue("true") boolean enabled, Knobs defaults, Map<String, Knobs> marketplaces,
                             Map<String, Knobs> forwarders, Knobs backOffice, Knobs smtp) {

        public Resilience {
            marketplaces = marketplaces == null ? Map.of() : Map.copyOf(marketplaces);
            forwarders = forwarders == null ? Map.of() : Map.copyOf(forwarders);
        }

        /** The knobs in force for a system whose own block is {@code own} (null when it has none). */
        public Knobs knobs(Knobs own) {
            Knobs base = defaults == null ? Knobs.BUILT_IN : defaults.over(Knobs.BUILT_IN);
            return own == null ? base : own.over(base);
        }

        /**
         * @param failureRateThreshold          percentage of failed calls (I/O, timeout, 5xx, 429) in the window that
         *                                      opens the breaker
         * @param slidingWindowSize             calls the failure rate is computed over
         * @param minimumNumberOfCalls          calls needed before the rate counts at all
         * @param waitInOpenState               how long an open breaker refuses calls before letting a few through
         * @param permittedCallsInHalfOpenState trial calls that decide between closing and opening again
         * @param permitsPerSecond              calls per second to the system, at most
         */
        public record Knobs(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumNumberOfCalls,
                            Duration waitInOpenState, Integer permittedCallsInHalfOpenState, Integer permitsPerSecond) {

            public static final Knobs BUILT_IN = new Knobs(50f, 20, 10, Duration.ofSeconds(30), 3, 50);

            /** These knobs, with what they leave out taken from {@code fallback}. */
            private Knobs over(Knobs fallback) {
                return new Knobs(
                        failureRateThreshold != null ? failureRateThreshold : fallback.failureRateThreshold,
                        slidingWindowSize != null ? slidingWindowSize : fallback.slidingWindowSize,
                        minimumNumberOfCalls != null ? minimumNumberOfCalls : fallback.minimumNumberOfCalls,
                        waitInOpenState != null ? waitInOpenState : fallback.waitInOpenState,
                        permittedCallsInHalfOpenState != null ? permittedCallsInHalfOpenState
                                : fallback.permittedCallsInHalfOpenState,
                        permitsPerSecond != null ? permitsPerSecond : fallback.permitsPerSecond);
            }
        }
    }

    /**
     * A marketplace: one speaking the generic marketplace API ({@code type: generic}, {base}/returns and
     * {base}/refunds), or an Amazon seller account ({@code type: amazon}, the Selling Partner API; see {@link Amazon}).
     */
    public record Marketplace(String baseUrl, @DefaultValue("US") String country,
                              @DefaultValue("true") boolean poll, @DefaultValue("generic") String type) {

        @ConstructorBinding
        public Marketplace {
            type = type == null || type.isBlank() ? "generic" : type.strip().toLowerCase(java.util.Locale.ROOT);
        }

        /** A marketplace speaking the generic API. */
        public Marketplace(String baseUrl, String country, boolean poll) {
            this(baseUrl, country, poll, "generic");
        }

        /** {@code base-url} joined with a path that starts with a slash. */
        public String url(String path) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
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

    /**
     * Buyer data is kept only as long as needed (Amazon's Data Protection Policy: 30 days after the order is done).
     *
     * @param afterDone how long after a case is DONE its buyer's name, address, email, phone and comment are removed
     *                  (money, ids and the timeline stay); quarantined inputs are masked this long after they arrived
     * @param interval  how often the retention job runs
     */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("30d") Duration afterDone,
                            @DefaultValue("1h") Duration interval) {
    }
}

package com.returnsgateway.adapter.generic;

import static com.returnsgateway.core.RouteVariables.CYCLE_MAX;
import static com.returnsgateway.core.RouteVariables.MARKETPLACE;
import static com.returnsgateway.core.RouteVariables.NEXT_PAGE_TOKEN;
import static com.returnsgateway.core.RouteVariables.PAGES;
import static com.returnsgateway.core.RouteVariables.PAGE_URL;

import com.returnsgateway.core.cluster.WorkLeases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.intake.Quarantine;
import com.returnsgateway.core.remote.AnswerTooLargeException;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.resilience.RemoteSystem;
import com.returnsgateway.core.remote.RemoteCallException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paging through a marketplace's return requests from a stored checkpoint. The page token is saved after each
 * page, the updated-after watermark only once the last page is done, so a crash resumes mid-cycle and loses nothing
 * (a page seen twice is harmless: intake de-duplicates). With several instances, one at a time polls a marketplace:
 * the one holding its lease {@code marketplace-poll:<marketplace>}, taken at each cycle and renewed after each page.
 */
@Component
public class MarketplacePoller {

    private static final Logger log = LoggerFactory.getLogger(MarketplacePoller.class);

    private final GatewayProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Quarantine quarantine;
    private final Clock clock;
    private final GenericApi api;
    private final WorkLeases leases;

    private final long maxPageBytes;
    private final Duration lease;

    public MarketplacePoller(GatewayProperties properties, JdbcClient jdbc, JsonMapper json, Quarantine quarantine,
                             Clock clock, GenericApi api, WorkLeases leases) {
        this.maxPageBytes = properties.intake().maxPageSize().toBytes();
        this.lease = WorkLeases.durationFor(properties.intake().pollInterval());
        this.leases = leases;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.quarantine = quarantine;
        this.clock = clock;
        this.api = api;
    }

    /** The marketplaces to poll, in a stable order. */
    public List<String> marketplacesToPoll() {
        return properties.marketplaces().entrySet().stream()
                .filter(e -> e.getValue().poll() && GenericMarketplace.TYPE.equalsIgnoreCase(e.getValue().type()))
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * Whether this instance polls the marketplace now: takes or renews its lease for three poll intervals (at least
     * 30 s). False while another instance holds it; this one takes over once that lease runs out.
     */
    public boolean leased(@Variable(MARKETPLACE) String marketplace) {
        return leases.acquireForWork(leaseName(marketplace), lease);
    }

    static String leaseName(String marketplace) {
        return "marketplace-poll:" + marketplace;
    }

    /** Sets {@code pageUrl} to the first page to fetch: the stored page token, or everything since the watermark. */
    public void startCycle(@Variable(MARKETPLACE) String marketplace, Exchange exchange) {
        Checkpoint checkpoint = load(marketplace).orElse(new Checkpoint(null, null, null));
        exchange.setVariable(PAGE_URL, pageUrl(marketplace, checkpoint.updatedAfter(), checkpoint.pageToken()));
        exchange.setVariable(CYCLE_MAX, checkpoint.cycleMax());
    }

    /** Fetches the page at {@code pageUrl}; sets {@code pageUrl} to the next page or null; returns its returns. */
    public List<JsonNode> fetchPage(@Variable(MARKETPLACE) String marketplace, @Variable(PAGE_URL) String pageUrl,
                                    Exchange exchange) {
        RemoteAnswer answer;
        try {
            answer = api.get(RemoteSystem.marketplace(marketplace), pageUrl,
                    "marketplace " + marketplace + " (returns page)", maxPageBytes);
        } catch (AnswerTooLargeException e) {
            // a marketplace that ignores paging: reading stopped at the limit, and what was read is kept for a person
            throw badPage(marketplace, "the page is longer than allowed: at most " + maxPageBytes
                    + " bytes are accepted (gateway.intake.max-page-size); reading stopped there", new String(e.start(), StandardCharsets.UTF_8));
        }
        return readPage(marketplace, answer.requireSuccess(), answer.contentType(), exchange);
    }

    List<JsonNode> readPage(String marketplace, String body, String contentType, Exchange exchange) {
        if (body == null || body.isBlank()) {
            throw badPage(marketplace, "the page is empty (HTTP 2xx without a body)", body);
        }
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (JacksonException e) {
            throw badPage(marketplace, "the page is not valid JSON" + (contentType == null ? "" : " (Content-Type "
                    + contentType
                    + ")") + ": " + e.getOriginalMessage(), body);
        }
        if (page == null || !page.isObject() || !page.has("returns") || !page.get("returns").isArray()) {
            throw badPage(marketplace, "the page has no \"returns\" array", body);
        }
        JsonNode next = page.get("nextPageToken");
        String nextToken = next == null || next.isNull() || next.asString().isBlank() ? null : next.asString();
        Instant cycleMax = exchange.getVariable(CYCLE_MAX, Instant.class);
        List<JsonNode> returns = new ArrayList<>();
        for (JsonNode item : page.get("returns")) {
            returns.add(item);
            cycleMax = later(cycleMax, updatedAt(item));
        }
        exchange.setVariable(CYCLE_MAX, cycleMax);
        exchange.setVariable(NEXT_PAGE_TOKEN, nextToken);
        // a long backlog is read over several polls: the page token is stored, so the next poll goes on from here
        int pages = exchange.getVariable(PAGES, 0, Integer.class) + 1;
        exchange.setVariable(PAGES, pages);
        exchange.setVariable(PAGE_URL, nextToken == null || pages >= properties.intake().maxPagesPerPoll() ? null
                : pageUrl(marketplace, load(marketplace).map(Checkpoint::updatedAfter).orElse(null), nextToken));
        return returns;
    }

    /**
     * After a page's returns are all accepted: renew the lease and remember where to continue. A lease lost meanwhile
     * (a page that took longer than the lease) ends the cycle without moving the checkpoint: the instance that holds
     * the lease now goes on from the stored one (reading this page again is harmless).
     */
    public void pageDone(@Variable(MARKETPLACE) String marketplace, @Variable(NEXT_PAGE_TOKEN) String nextToken,
                         @Variable(CYCLE_MAX) Instant cycleMax, Exchange exchange) {
        if (!leases.acquire(leaseName(marketplace), lease)) {
            log.info("Marketplace {}: another instance took over the poll mid-cycle; it goes on from the stored"
                    + " checkpoint", marketplace);
            exchange.setVariable(PAGE_URL, null);
            return;
        }
        Checkpoint current = load(marketplace).orElse(new Checkpoint(null, null, null));
        Checkpoint updated = nextToken == null
                ? new Checkpoint(later(current.updatedAfter(), cycleMax), null, null)
                : new Checkpoint(current.updatedAfter(), nextToken, cycleMax);
        jdbc.sql("""
                        INSERT INTO poll_checkpoint (source, updated_after, page_token, cycle_max, updated_at)
                        VALUES (:source, :after, :token, :max, :now)
                        ON CONFLICT (source) DO UPDATE SET updated_after = :after, page_token = :token,
                               cycle_max = :max, updated_at = :now""")
                .param("source", source(marketplace))
                .param("after", ts(updated.updatedAfter()))
                .param("token", updated.pageToken())
                .param("max", ts(updated.cycleMax()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Checkpoint> load(String marketplace) {
        return jdbc.sql("SELECT updated_after, page_token, cycle_max FROM poll_checkpoint WHERE source = :source")
                .param("source", source(marketplace))
                .query((rs, n) -> new Checkpoint(instant(rs.getTimestamp("updated_after")), rs.getString("page_token"),
                        instant(rs.getTimestamp("cycle_max"))))
                .optional();
    }

    public record Checkpoint(Instant updatedAfter, String pageToken, Instant cycleMax) {
    }

    private String pageUrl(String marketplace, Instant updatedAfter, String pageToken) {
        StringBuilder url = new StringBuilder(api.marketplaceUrl(marketplace, "/returns"));
        char separator = '?';
        if (updatedAfter != null) {
            url.append(separator).append("updatedAfter=").append(encode(updatedAfter.toString()));
            separator = '&';
        }
        if (pageToken != null) {
            url.append(separator).append("pageToken=").append(encode(pageToken));
        }
        return url.toString();
    }

    /** Quarantined once: the same bad page read again at the next polls is not kept again (same fingerprint). */
    private RuntimeException badPage(String marketplace, String reason, String body) {
        quarantine.keep("marketplace:" + marketplace, "page", reason, body == null ? "" : body);
        return RemoteCallException.permanent("marketplace " + marketplace + ": " + reason);
    }

    private static Instant updatedAt(JsonNode item) {
        JsonNode value = item == null ? null : item.get("updatedAt");
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return Instant.parse(value.asString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String source(String marketplace) {
        return "marketplace:" + marketplace;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

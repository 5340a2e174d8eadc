package com.returnsgateway.core.intake;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.remote.RemoteCallException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paging through a marketplace's return requests from a stored checkpoint. The page token is saved after each
 * page, the updated-after watermark only once the last page is done, so a crash resumes mid-cycle and loses nothing
 * (a page seen twice is harmless: intake de-duplicates).
 */
@Component
public class MarketplacePoller {

    private final GatewayProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Quarantine quarantine;
    private final Clock clock;

    private final long maxPageBytes;

    public MarketplacePoller(GatewayProperties properties, JdbcClient jdbc, JsonMapper json, Quarantine quarantine,
                             Clock clock) {
        this.maxPageBytes = properties.intake().maxPageSize().toBytes();
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /** The marketplaces to poll, in a stable order. */
    public List<String> marketplacesToPoll() {
        return properties.marketplaces().entrySet().stream()
                .filter(e -> e.getValue().poll() && !e.getValue().isAmazon())
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Sets {@code pageUrl} to the first page to fetch: the stored page token, or everything since the watermark. */
    public void startCycle(@Variable("marketplace") String marketplace, Exchange exchange) {
        Checkpoint checkpoint = load(marketplace).orElse(new Checkpoint(null, null, null));
        exchange.setVariable("pageUrl", pageUrl(marketplace, checkpoint.updatedAfter(), checkpoint.pageToken()));
        exchange.setVariable("cycleMax", checkpoint.cycleMax());
    }

    /** Parses one page; sets {@code pageUrl} to the next page or null, and returns the page's return objects. */
    public List<JsonNode> readPage(@Variable("marketplace") String marketplace, String body, Exchange exchange) {
        if (body == null || body.isBlank()) {
            throw badPage(marketplace, "the page is empty (HTTP 2xx without a body)", body);
        }
        if (body.length() > maxPageBytes) {
            // a marketplace that ignores paging; the first bytes are kept in the quarantine for a person to see
            throw badPage(marketplace, "the page is " + body.length() + " characters long; at most " + maxPageBytes
                    + " are accepted (gateway.intake.max-page-size)", body);
        }
        JsonNode page;
        try {
            page = json.readTree(body);
        } catch (JacksonException e) {
            String type = exchange.getMessage().getHeader("Content-Type", String.class);
            throw badPage(marketplace, "the page is not valid JSON" + (type == null ? "" : " (Content-Type " + type
                    + ")") + ": " + e.getOriginalMessage(), body);
        }
        if (page == null || !page.isObject() || !page.has("returns") || !page.get("returns").isArray()) {
            throw badPage(marketplace, "the page has no \"returns\" array", body);
        }
        JsonNode next = page.get("nextPageToken");
        String nextToken = next == null || next.isNull() || next.asString().isBlank() ? null : next.asString();
        Instant cycleMax = exchange.getVariable("cycleMax", Instant.class);
        List<JsonNode> returns = new ArrayList<>();
        for (JsonNode item : page.get("returns")) {
            returns.add(item);
            cycleMax = later(cycleMax, updatedAt(item));
        }
        exchange.setVariable("cycleMax", cycleMax);
        exchange.setVariable("nextPageToken", nextToken);
        // a long backlog is read over several polls: the page token is stored, so the next poll goes on from here
        int pages = exchange.getVariable("pages", 0, Integer.class) + 1;
        exchange.setVariable("pages", pages);
        exchange.setVariable("pageUrl", nextToken == null || pages >= properties.intake().maxPagesPerPoll() ? null
                : pageUrl(marketplace, load(marketplace).map(Checkpoint::updatedAfter).orElse(null), nextToken));
        return returns;
    }

    /** After a page's returns are all accepted: remember where to continue. */
    public void pageDone(@Variable("marketplace") String marketplace, @Variable("nextPageToken") String nextToken,
                         @Variable("cycleMax") Instant cycleMax) {
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
        StringBuilder url = new StringBuilder(baseUrl(marketplace)).append("/returns");
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

    private String baseUrl(String marketplace) {
        GatewayProperties.Marketplace config = properties.marketplaces().get(marketplace);
        if (config == null || config.baseUrl() == null || config.baseUrl().isBlank()) {
            throw new IllegalStateException("marketplace " + marketplace + " has no gateway.marketplaces."
                    + marketplace + ".base-url");
        }
        return config.url("");
    }

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

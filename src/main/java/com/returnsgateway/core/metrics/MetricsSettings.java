package com.returnsgateway.core.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own meters ({@code gateway.metrics.*}; README "Metrics").
 *
 * @param refreshInterval how often the cases by status and the quarantine are counted in the database for the gauges
 *                        {@code gateway.cases} and {@code gateway.quarantine.size}; a scrape reads the last count
 * @param sqlStatements   count every SQL statement sent ({@code gateway_sql_statements_total}; the benchmark turns it
 *                        on): off by default, as it wraps every connection and statement
 */
@ConfigurationProperties("gateway.metrics")
public record MetricsSettings(@DefaultValue("15s") Duration refreshInterval,
                              @DefaultValue("false") boolean sqlStatements) {
}

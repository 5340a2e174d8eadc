package com.returnsgateway.core.metrics;

import com.returnsgateway.core.model.CaseStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of what the database holds: {@code gateway.cases} (tagged {@code status} and its {@code phase}; every status
 * has its series, 0 when no case is in it) and {@code gateway.quarantine.size}. Counted every
 * {@code gateway.metrics.refresh-interval}, never at a scrape, so a scraper calling often costs no queries. Every
 * instance reports the same shared database: a dashboard takes the max over instances, not the sum.
 */
@Component
public class StoredCounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoredCounts.class);

    private final JdbcClient jdbc;
    private final MetricsSettings settings;
    private final Map<CaseStatus, AtomicLong> cases = new EnumMap<>(CaseStatus.class);
    private final AtomicLong quarantined = new AtomicLong();
    private volatile ScheduledExecutorService timer;
    private volatile boolean failing;

    public StoredCounts(JdbcClient jdbc, MeterRegistry meters, MetricsSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        for (CaseStatus status : CaseStatus.values()) {
            AtomicLong count = new AtomicLong();
            cases.put(status, count);
            Gauge.builder("gateway.cases", count, AtomicLong::get)
                    .description("cases in each status, as counted every gateway.metrics.refresh-interval")
                    .tag("status", status.name())
                    .tag("phase", status.phase().name())
                    .register(meters);
        }
        Gauge.builder("gateway.quarantine.size", quarantined, AtomicLong::get)
                .description("inputs in the quarantine waiting for a person (GET /api/quarantine)")
                .register(meters);
    }

    /** Counts again now (the timer calls this; so may a test that cannot wait for it). */
    public void refresh() {
        try {
            Map<String, Long> counted = new HashMap<>();
            jdbc.sql("SELECT status, count(*) AS cases FROM return_case GROUP BY status")
                    .query((rs, n) -> counted.put(rs.getString("status"), rs.getLong("cases")))
                    .list();
            cases.forEach((status, count) -> count.set(counted.getOrDefault(status.name(), 0L)));
            quarantined.set(jdbc.sql("SELECT count(*) FROM quarantine").query(Long.class).single());
            if (failing) {
                log.info("Counting cases for the metrics works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // the gauges keep their last numbers; told once per outage, not at every tick
            if (!failing) {
                log.warn("Counting cases for the metrics failed, the gauges show the last count: {}", e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gateway-metrics-counts");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}

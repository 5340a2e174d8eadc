package com.returnsgateway.bench;

import com.returnsgateway.core.label.LabelFixtures;
import com.returnsgateway.core.label.LabelFormat;
import com.returnsgateway.core.label.ReturnLabelRenderer;
import com.returnsgateway.core.model.ReturnCase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's performance figures: the packaged gateway and its simulators in processes of their own, as in
 * production, driven over HTTP and measured from outside (CPU and memory from /proc, SQL statements from the gateway's
 * counter, calls from the simulators' own counts). Run with {@code ./mvnw -Pbenchmark package} (README,
 * "Performance"); it prints one table and writes it to {@code target/benchmark/results.md}. Figures, not pass or fail.
 *
 * <p>Settings, as system properties ({@code -Dbench.cases=2000} on the Maven command line): {@code bench.cases}
 * (returns in the backlog, 10,000), {@code bench.latency-ms} (the simulators' answer time, 50), {@code bench.rate}
 * and {@code bench.steady-seconds} (the steady intake, 10 returns/s for 30 s), {@code bench.api-requests} (1,000),
 * {@code bench.labels} (1,000), {@code bench.one-instance} and {@code bench.two-instances} (true: which runs),
 * {@code bench.webhook-wait-seconds} (600: how long the webhook outbox may take to empty after a drain),
 * {@code bench.jfr} (false; true: each gateway records a flight recording, {@code target/benchmark/<run>/*.jfr}).
 */
public final class GatewayBenchmark {

    private static final int SIMULATORS_PORT = 29090;
    private static final String MARKETPLACE = "sandbox-us";
    private static final String FORWARDER = "generic-express";
    private static final String POLL = "GET /sandbox/marketplace/{marketplace}/returns";
    private static final String METRICS_USER = BenchHttp.basic("metrics", "metrics-sandbox");
    private static final String API_USER = BenchHttp.basic("sandbox", "sandbox");
    private static final String INTAKE_KEY = "sandbox-intake-key-0000000000000000";

    record Settings(int cases, int latencyMs, int workers, int rate, int steadySeconds, int apiRequests, int labels,
                    boolean oneInstance, boolean twoInstances, boolean jfr, int webhookWaitSeconds, Path jar,
                    Path workDir) {

        static Settings read() throws IOException {
            Path jar = Path.of(System.getProperty("bench.jar", ""));
            if (!Files.isRegularFile(jar)) {
                try (Stream<Path> target = Files.list(Path.of("target"))) {
                    jar = target.filter(p -> p.getFileName().toString().matches("returns-gateway-.*\\.jar"))
                            .findFirst().orElseThrow(() -> new IllegalStateException(
                                    "no gateway jar in target/: run ./mvnw -Pbenchmark package"));
                }
            }
            Path workDir = Path.of("target", "benchmark", Instant.now().toString().replace(':', '-'));
            return new Settings(Integer.getInteger("bench.cases", 10_000), Integer.getInteger("bench.latency-ms", 50),
                    16, Integer.getInteger("bench.rate", 10), Integer.getInteger("bench.steady-seconds", 30),
                    Integer.getInteger("bench.api-requests", 1_000), Integer.getInteger("bench.labels", 1_000),
                    Boolean.parseBoolean(System.getProperty("bench.one-instance", "true")),
                    Boolean.parseBoolean(System.getProperty("bench.two-instances", "true")),
                    Boolean.parseBoolean(System.getProperty("bench.jfr", "false")),
                    Integer.getInteger("bench.webhook-wait-seconds", 600), jar, workDir);
        }
    }

    /** One line of the table: a figure per column (one instance, two instances) and its target. */
    private final Map<String, String[]> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Settings settings;

    private GatewayBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.read();
        GatewayBenchmark benchmark = new GatewayBenchmark(settings);
        System.out.printf("Benchmark: %d returns, simulators answering in %d ms, gateway %s, output in %s%n",
                settings.cases(), settings.latencyMs(), settings.jar(), settings.workDir());
        try {
            benchmark.labels();
            try (BenchProcess simulators = benchmark.startSimulators()) {
                if (settings.oneInstance()) {
                    benchmark.oneInstance();
                }
                if (settings.twoInstances()) {
                    benchmark.twoInstances();
                }
            }
        } finally {
            // what was measured before a failure is worth seeing too
            benchmark.print();
        }
    }

    // --- the scenarios ----------------------------------------------------------------------------------------------

    /** Labels per second per core: 4x6, a Japanese buyer (CJK text), Code 128 and QR, on one thread. */
    private void labels() throws IOException {
        ReturnCase returnCase = LabelFixtures.returnCase("RC-BENCH000001", "BENCH-LABEL-1",
                LabelFixtures.japaneseBuyer());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ReturnLabelRenderer renderer = new ReturnLabelRenderer(LabelFormat.FOUR_BY_SIX)) {
            for (int i = 0; i < Math.max(200, settings.labels() / 5); i++) {
                renderer.render(returnCase, LabelFixtures.usWarehouse());
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long bytes = 0;
            for (int i = 0; i < settings.labels(); i++) {
                bytes += renderer.render(returnCase, LabelFixtures.usWarehouse()).length;
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            row("labels per second per core (4x6, CJK, Code 128 + QR)", fmt(settings.labels() / cpuSeconds), "",
                    ">= 150");
            notes.add(String.format(Locale.ROOT, "labels: %d in %.2f s on one thread (%.2f s CPU), %.1f KB each",
                    settings.labels(), wallSeconds, cpuSeconds, bytes / 1024.0 / settings.labels()));
        }
    }

    private BenchProcess startSimulators() throws Exception {
        // the simulators keep everything they receive in memory (every email with its PDF): not the gateway's heap
        BenchProcess simulators = BenchProcess.start("simulators", SIMULATORS_PORT, settings.jar(), settings.workDir(),
                List.of("-Xmx2g"),
                List.of("--spring.profiles.active=simulators",
                        "--sandbox.simulators.latency=" + settings.latencyMs() + "ms",
                        "--sandbox.simulators.pace=off", "--sandbox.seed.enabled=false",
                        "--sandbox.smtp.port=23025", "--sandbox.imap.port=23143", "--sandbox.sftp.port=22222"));
        awaitUp(simulators, simulatorsUrl() + "/sandbox/settings", Duration.ofSeconds(240));
        return simulators;
    }

    private void oneInstance() throws Exception {
        Path dir = settings.workDir().resolve("one");
        List<String> args = gatewayArgs(55533, dir.resolve("postgres"), null);
        double freshStart;
        Drain drain;
        BenchProcess gateway = startGateway("gateway-one", 28080, args);
        try (Connection db = connect(55533)) {
            freshStart = awaitFirstPoll(gateway);
            drain = drain("one", "B1", List.of(gateway), dir.resolve("postgres"), db);
            steadyIntake(gateway, db);
            apiRequestCost(gateway, db);
        } finally {
            double stopMs = gateway.stop();
            notes.add(String.format(Locale.ROOT, "one instance: graceful stop (SIGTERM) took %.1f s", stopMs / 1000));
        }
        double plain = restartedStart("gateway-one-restarted", settings.jar(), List.of(), args);
        Path extracted = extract();
        Path archive = extracted.resolveSibling("gateway.jsa");
        restartedStart("gateway-one-cds-training", extracted, List.of("-XX:ArchiveClassesAtExit=" + archive), args);
        double shared = restartedStart("gateway-one-cds", extracted, List.of("-XX:SharedArchiveFile=" + archive),
                args);
        row("start to first poll, existing data (s): the jar; extracted with a class data sharing archive",
                fmt(plain / 1000) + "; " + fmt(shared / 1000), "", "<= 5");
        notes.add(String.format(Locale.ROOT, "one instance: start to first poll on an empty data folder: %.1f s "
                + "(database created, migrations run)", freshStart / 1000));
        notes.add("one instance: " + drain.statuses());
    }

    private void twoInstances() throws Exception {
        // a fresh database would otherwise take in the one-instance run's returns again before this backlog
        BenchHttp.json("POST", simulatorsUrl() + "/sandbox/reset", null, Map.of());
        Path dir = settings.workDir().resolve("two");
        BenchProcess first = startGateway("gateway-a", 28081, gatewayArgs(55534, dir.resolve("postgres"), null));
        BenchProcess second = null;
        try (Connection db = connect(55534)) {
            awaitFirstPoll(first);
            second = startGateway("gateway-b", 28082, gatewayArgs(0, null,
                    "jdbc:postgresql://127.0.0.1:55534/postgres"));
            awaitUp(second, second.url() + "/actuator/health/readiness", Duration.ofSeconds(240));
            Drain drain = drain("two", "B2", List.of(first, second), dir.resolve("postgres"), db);
            notes.add("two instances: " + drain.statuses());
            notes.add("two instances: leases " + leases(db));
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    /** The result of draining a backlog. */
    private record Drain(String statuses) {
    }

    /**
     * Puts {@code cases} returns (parcels still at the forwarder: intercept, then refund in full) in the simulated
     * marketplace at once and measures the gateway(s) taking them in and working them until none is ACTIVE.
     */
    private Drain drain(String column, String tag, List<BenchProcess> gateways, Path postgresDir, Connection db)
            throws Exception {
        int n = settings.cases();
        String pattern = tag + "-%";
        putParcels(tag, n);
        Snapshot before = snapshot(gateways, postgresDir, db);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(returnRequest(tag + "-" + i, waybill(tag, i)));
            if (batch.size() == 500 || i == n - 1) {
                BenchHttp.json("POST", simulatorsUrl() + "/sandbox/marketplace/returns", batch, Map.of());
                batch = new ArrayList<>();
            }
        }
        Instant drained = awaitDrained(db, pattern, n);
        double peakRss = gateways.stream().mapToDouble(BenchProcess::peakRssMb).max().orElse(0);
        Duration webhookLag = awaitWebhooks(db, pattern, drained);
        Snapshot after = snapshot(gateways, postgresDir, db);

        Instant firstIn = instant(db, "SELECT min(created_at) FROM return_case WHERE return_id LIKE ?", pattern);
        Instant lastIn = instant(db, "SELECT max(created_at) FROM return_case WHERE return_id LIKE ?", pattern);
        double seconds = Duration.between(firstIn, drained).toMillis() / 1000.0;
        double rate = n / seconds;
        Map<String, Double> perCase = new TreeMap<>();
        after.calls().forEach((operation, count) ->
                perCase.put(operation, (count - before.calls().getOrDefault(operation, 0L)) / (double) n));
        double workerCalls = perCase.entrySet().stream().filter(e -> isWorkerCall(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        double webhookCalls = perCase.entrySet().stream().filter(e -> e.getKey().contains("/webhooks"))
                .mapToDouble(Map.Entry::getValue).sum();
        int workers = settings.workers() * gateways.size();
        double bound = workers / (settings.latencyMs() / 1000.0 * workerCalls);

        int c = column.equals("one") ? 0 : 1;
        cell("cases drained", c, String.valueOf(n), "");
        cell("drain rate (cases/s)", c, fmt(rate), "");
        cell("latency bound (workers / (latency x calls per case), cases/s)", c,
                fmt(bound) + " (" + workers + " / (" + settings.latencyMs() + " ms x " + fmt2(workerCalls) + "))",
                "");
        cell("drain rate / latency bound", c, fmt2(rate / bound), ">= 0.9");
        cell("intake rate (cases/s taken in from the marketplace)", c,
                fmt(n / Math.max(0.001, Duration.between(firstIn, lastIn).toMillis() / 1000.0)), "");
        cell("gateway CPU per case (ms)", c, fmt2((after.gatewayCpuMs() - before.gatewayCpuMs()) / n), "<= 5");
        cell("PostgreSQL CPU per case (ms)", c, fmt2((after.postgresCpuMs() - before.postgresCpuMs()) / n), "<= 3");
        cell("SQL statements per case", c, fmt(((double) after.statements() - before.statements()) / n), "");
        cell("webhook calls per case; outbox empty after the drain (s)", c, fmt2(webhookCalls) + "; "
                + (webhookLag == null ? "not within " + settings.webhookWaitSeconds() + " s" : fmt(webhookLag.toMillis() / 1000.0)), "");
        cell("peak RSS while draining (MB)", c, fmt(peakRss), "<= 400");
        notes.add(column + " instance(s): calls per case by operation: " + perCase.entrySet().stream()
                .filter(e -> e.getValue() >= 0.01)
                .map(e -> e.getKey() + " " + fmt2(e.getValue())).toList());
        if (c == 1) {
            duplicates(tag, n);
        }
        return new Drain(statuses(db, pattern));
    }

    /** Returns pushed through POST /api/returns at a steady rate; how long until each one's intercept call. */
    private void steadyIntake(BenchProcess gateway, Connection db) throws Exception {
        int n = settings.rate() * settings.steadySeconds();
        String tag = "S1";
        putParcels(tag, n);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        List<Future<?>> posts = new ArrayList<>();
        long periodMicros = 1_000_000L / settings.rate();
        for (int i = 0; i < n; i++) {
            Map<String, Object> request = returnRequest(tag + "-" + i, waybill(tag, i));
            posts.add(clock.schedule(() -> BenchHttp.json("POST", gateway.url() + "/api/returns",
                    request, Map.of("X-API-Key", INTAKE_KEY)), i * periodMicros, TimeUnit.MICROSECONDS));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        clock.shutdown();
        await("every steady return's intercept call", Duration.ofMinutes(2), () ->
                count(db, "SELECT count(*) FROM intercept_request i JOIN return_case c USING (case_id)"
                        + " WHERE c.return_id LIKE ?", tag + "-%") >= n);
        List<Double> latencies = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT extract(epoch FROM i.created_at - c.created_at)"
                + " * 1000 FROM intercept_request i JOIN return_case c USING (case_id) WHERE c.return_id LIKE ?"
                + " ORDER BY 1")) {
            query.setString(1, tag + "-%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    latencies.add(rs.getDouble(1));
                }
            }
        }
        row("intake to intercept call at " + settings.rate() + " returns/s, p50 / p99 (ms)",
                fmt(percentile(latencies, 0.50)) + " / " + fmt(percentile(latencies, 0.99)), "", "");
    }

    /**
     * CPU of an authenticated request, the gateway's idle CPU taken off: HTTP basic on GET /actuator/info (the
     * authentication and little else) and on GET /api/cases/{id} (a case read and written as JSON too).
     */
    private void apiRequestCost(BenchProcess gateway, Connection db) throws Exception {
        String caseId;
        try (PreparedStatement query = db.prepareStatement("SELECT case_id FROM return_case LIMIT 1");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            caseId = rs.getString(1);
        }
        double info = requestCost(gateway, gateway.url() + "/actuator/info", METRICS_USER);
        double caseRead = requestCost(gateway, gateway.url() + "/api/cases/" + caseId, API_USER);
        row("authenticated API request, CPU (ms): GET /actuator/info; GET /api/cases/{id} (HTTP basic)",
                fmt2(info) + "; " + fmt2(caseRead), "", "<= 1");
    }

    private double requestCost(BenchProcess gateway, String url, String authorization) throws Exception {
        for (int i = 0; i < 200; i++) {
            BenchHttp.json("GET", url, null, Map.of("Authorization", authorization));
        }
        double idleStart = gateway.cpuMs();
        long idleFrom = System.nanoTime();
        await("three seconds of idling", Duration.ofSeconds(10), () -> System.nanoTime() - idleFrom > 3e9);
        double idlePerMs = (gateway.cpuMs() - idleStart) / ((System.nanoTime() - idleFrom) / 1e6);
        double cpu = gateway.cpuMs();
        long from = System.nanoTime();
        for (int i = 0; i < settings.apiRequests(); i++) {
            BenchHttp.json("GET", url, null, Map.of("Authorization", authorization));
        }
        double wallMs = (System.nanoTime() - from) / 1e6;
        double perRequest = (gateway.cpuMs() - cpu - idlePerMs * wallMs) / settings.apiRequests();
        notes.add(String.format(Locale.ROOT, "API: %d requests to %s one after another in %.1f s (%.1f ms each);"
                + " idle CPU %.1f ms/s taken off", settings.apiRequests(), url.replaceAll("https?://[^/]+", ""),
                wallMs / 1000, wallMs / settings.apiRequests(), idlePerMs * 1000));
        return perRequest;
    }

    /** Starts the gateway again on the data folder the one-instance run left; ms to its first poll. */
    private double restartedStart(String name, Path jar, List<String> jvm, List<String> args) throws Exception {
        BenchProcess gateway = BenchProcess.start(name, 28080, jar, settings.workDir(), jvm, args);
        try {
            return awaitFirstPoll(gateway);
        } finally {
            gateway.stop();
        }
    }

    /**
     * The jar extracted as Spring Boot's tools do it for class data sharing (an application jar and its libraries
     * beside it): a shared archive can hold classes from plain jars, not from jars nested in a jar.
     */
    private Path extract() throws IOException, InterruptedException {
        Path destination = settings.workDir().resolve("extracted");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", settings.jar().toString(), "extract",
                "--destination", destination.toString()).inheritIO().start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting " + settings.jar() + " failed");
        }
        return destination.resolve(settings.jar().getFileName());
    }

    private void duplicates(String tag, int n) throws IOException, InterruptedException {
        int intercepts = 0;
        int interceptReplays = 0;
        for (JsonNode intercept : BenchHttp.get(simulatorsUrl() + "/sandbox/forwarders/" + FORWARDER
                + "/intercepts")) {
            if (intercept.path("waybill").asString("").startsWith("BENCH" + tag)) {
                intercepts++;
                interceptReplays += intercept.path("replays").asInt();
            }
        }
        int refunds = 0;
        int refundReplays = 0;
        for (JsonNode refund : BenchHttp.get(simulatorsUrl() + "/sandbox/marketplace/refunds?marketplace="
                + MARKETPLACE)) {
            if (refund.path("returnId").asString("").startsWith(tag + "-")) {
                refunds++;
                refundReplays += refund.path("replays").asInt();
            }
        }
        cell("intercepts / refunds received by the simulators (repeated calls)", 1,
                intercepts + " / " + refunds + " (" + interceptReplays + " / " + refundReplays + ")",
                n + " / " + n + " (0 / 0)");
    }

    // --- processes and waiting --------------------------------------------------------------------------------------

    private List<String> gatewayArgs(int dbPort, Path dataDir, String datasourceUrl) {
        List<String> args = new ArrayList<>(List.of(
                "--sandbox.simulators.base-url=" + simulatorsUrl(), "--sandbox.seed.enabled=false",
                "--sandbox.smtp.port=23025", "--sandbox.imap.port=23143", "--sandbox.sftp.port=22222",
                "--gateway.metrics.sql-statements=true", "--gateway.workers=" + settings.workers()));
        if (datasourceUrl == null) {
            args.add("--gateway.embedded-db.data-dir=" + dataDir.toAbsolutePath());
            args.add("--gateway.embedded-db.port=" + dbPort);
        } else {
            args.add("--spring.datasource.url=" + datasourceUrl);
            args.add("--spring.datasource.username=postgres");
        }
        return args;
    }

    private BenchProcess startGateway(String name, int port, List<String> args) throws IOException {
        List<String> jvm = settings.jfr() ? List.of("-XX:StartFlightRecording=filename="
                + settings.workDir().resolve(name + ".jfr").toAbsolutePath() + ",settings=profile") : List.of();
        return BenchProcess.start(name, port, settings.jar(), settings.workDir(), jvm, args);
    }

    /** Milliseconds from the process's start to its first poll of the marketplace, as the simulator counts it. */
    private double awaitFirstPoll(BenchProcess gateway) throws Exception {
        long polls = simulatorCalls().getOrDefault(POLL, 0L);
        await(gateway + " polling the marketplace", Duration.ofSeconds(240), () -> {
            if (!gateway.isAlive()) {
                throw new IllegalStateException(gateway + " stopped: see its log");
            }
            return simulatorCalls().getOrDefault(POLL, 0L) > polls;
        }, Duration.ofMillis(10));
        return gateway.ageMs();
    }

    private void awaitUp(BenchProcess process, String url, Duration limit) throws Exception {
        await(process + " answering " + url, limit, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(process + " stopped: see its log");
            }
            return BenchHttp.isUp(url);
        });
    }

    private Instant awaitDrained(Connection db, String pattern, int n) throws Exception {
        long[] last = {-1, System.nanoTime(), System.nanoTime()};
        await("the backlog drained", Duration.ofHours(2), () -> {
            long taken = count(db, "SELECT count(*) FROM return_case WHERE return_id LIKE ?", pattern);
            long active = count(db, "SELECT count(*) FROM return_case WHERE return_id LIKE ? AND phase = 'ACTIVE'",
                    pattern);
            long done = taken - active;
            if (done != last[0]) {
                last[0] = done;
                last[1] = System.nanoTime();
            } else if (System.nanoTime() - last[1] > TimeUnit.MINUTES.toNanos(3)) {
                throw new IllegalStateException("no progress for 3 minutes: " + taken + " taken in, " + active
                        + " active");
            }
            if (System.nanoTime() - last[2] > TimeUnit.SECONDS.toNanos(15)) {
                last[2] = System.nanoTime();
                System.out.printf("  %d of %d taken in, %d worked%n", taken, n, done);
            }
            return taken == n && active == 0;
        }, Duration.ofMillis(100));
        return Instant.now();
    }

    /** How long after the drain the webhook outbox of these cases was empty; null when not within the wait. */
    private Duration awaitWebhooks(Connection db, String pattern, Instant drained) throws Exception {
        try {
            await("the webhook outbox emptied", Duration.ofSeconds(settings.webhookWaitSeconds()), () -> count(db, "SELECT count(*) FROM"
                    + " webhook_delivery d JOIN return_case c USING (case_id) WHERE c.return_id LIKE ?"
                    + " AND d.status = 'PENDING'", pattern) == 0);
            return Duration.between(drained, Instant.now());
        } catch (IllegalStateException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(String what, Duration limit, Condition condition) throws Exception {
        await(what, limit, condition, Duration.ofMillis(250));
    }

    private static void await(String what, Duration limit, Condition condition, Duration every) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + limit + " for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(every.toMillis()); // polling an outside process: nothing to be told by
        }
    }

    // --- what is measured -------------------------------------------------------------------------------------------

    private record Snapshot(double gatewayCpuMs, double postgresCpuMs, long statements, Map<String, Long> calls) {
    }

    private Snapshot snapshot(List<BenchProcess> gateways, Path postgresDir, Connection db) throws Exception {
        long statements = 0;
        for (BenchProcess gateway : gateways) {
            statements += statementsSent(gateway);
        }
        return new Snapshot(gateways.stream().mapToDouble(BenchProcess::cpuMs).sum(),
                ProcessCpu.ofPostgres(postgresDir), statements, simulatorCalls());
    }

    private long statementsSent(BenchProcess gateway) throws IOException, InterruptedException {
        String metrics = BenchHttp.send("GET", gateway.url() + "/actuator/prometheus", null,
                Map.of("Authorization", METRICS_USER)).body();
        return metrics.lines().filter(line -> line.startsWith("gateway_sql_statements_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new IllegalStateException(gateway
                        + " serves no gateway_sql_statements_total: was it started with "
                        + "--gateway.metrics.sql-statements=true?"));
    }

    private Map<String, Long> simulatorCalls() throws IOException, InterruptedException {
        Map<String, Long> calls = new TreeMap<>();
        BenchHttp.get(simulatorsUrl() + "/sandbox/settings").path("apiCallsByOperation")
                .properties().forEach(e -> calls.put(e.getKey(), e.getValue().asLong()));
        return calls;
    }

    /** A call a case worker waits for: the forwarder's status and intercept, the marketplace's refund. */
    private static boolean isWorkerCall(String operation) {
        return operation.contains("/sandbox/forwarders/") || operation.contains("/refunds")
                || operation.contains("/reships");
    }

    private String statuses(Connection db, String pattern) throws SQLException {
        Map<String, Long> byStatus = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT status || ' ' || phase, count(*) FROM return_case"
                + " WHERE return_id LIKE ? GROUP BY 1")) {
            query.setString(1, pattern);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return "cases by status and phase " + byStatus;
    }

    private static String leases(Connection db) throws SQLException {
        List<String> leases = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT name, owner FROM work_lease ORDER BY name");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                leases.add(rs.getString(1) + " held by " + rs.getString(2));
            }
        }
        return leases.toString();
    }

    // --- data -------------------------------------------------------------------------------------------------------

    /** Parcels still at the forwarder ("Pending" in the generic tracking vocabulary): they can be intercepted. */
    private void putParcels(String tag, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<JsonNode>> puts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = simulatorsUrl() + "/sandbox/forwarders/" + FORWARDER + "/shipments/" + waybill(tag, i);
            puts.add(pool.submit(() -> BenchHttp.json("PUT", url, Map.of("status", "Pending"), Map.of())));
        }
        for (Future<JsonNode> put : puts) {
            put.get();
        }
        pool.shutdown();
    }

    private static String waybill(String tag, int i) {
        return String.format(Locale.ROOT, "BENCH%s%07d", tag, i);
    }

    private static Map<String, Object> returnRequest(String returnId, String waybill) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Jane Doe");
        address.put("line1", "500 Market Street");
        address.put("city", "San Francisco");
        address.put("region", "CA");
        address.put("postalCode", "94105");
        address.put("country", "US");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("marketplace", MARKETPLACE);
        request.put("returnId", returnId);
        request.put("orderId", "ORD-" + returnId);
        request.put("requestedAt", Instant.now().toString());
        request.put("resolution", "REFUND");
        request.put("refundType", "FULL");
        request.put("requestedRefund", Map.of("amount", 24.99, "currency", "USD"));
        request.put("reason", "NO_LONGER_NEEDED");
        request.put("comment", "Ordered by mistake, please cancel before it ships.");
        request.put("buyer", Map.of("name", "Jane Doe", "email", "jane.doe@buyer.example", "locale", "en-US",
                "address", address));
        request.put("items", List.of(Map.of("sku", "MUG-01", "title", "Enamel mug", "quantity", 1,
                "unitPrice", Map.of("amount", 24.99, "currency", "USD"))));
        request.put("shipment", Map.of("forwarder", FORWARDER, "waybill", waybill));
        return request;
    }

    private static Connection connect(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            try {
                return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                        "");
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(200); // the gateway is still starting its database
            }
        }
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant instant(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                return at.toInstant();
            }
        }
    }

    private static String simulatorsUrl() {
        return "http://127.0.0.1:" + SIMULATORS_PORT;
    }

    // --- the table --------------------------------------------------------------------------------------------------

    private void row(String figure, String one, String two, String target) {
        rows.put(figure, new String[] {one, two, target});
    }

    private void cell(String figure, int column, String value, String target) {
        String[] row = rows.computeIfAbsent(figure, f -> new String[] {"", "", target});
        row[column] = value;
    }

    private void print() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| figure | one instance | two instances | target |\n|---|---|---|---|\n");
        rows.forEach((figure, values) -> table.append("| ").append(figure).append(" | ").append(values[0])
                .append(" | ").append(values[1]).append(" | ").append(values[2]).append(" |\n"));
        table.append('\n');
        notes.forEach(note -> table.append("- ").append(note).append('\n'));
        table.append(String.format(Locale.ROOT, "%nSettings: %d returns per backlog, simulators answering in %d ms, "
                + "%d workers per instance, %d cores, JVM settings from config/jvm.options, %s%n", settings.cases(),
                settings.latencyMs(), settings.workers(), Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        System.out.println();
        System.out.print(table);
        Files.writeString(settings.workDir().resolve("results.md"), table);
        Files.writeString(Path.of("target", "benchmark", "results.md"), table);
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String fmt2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

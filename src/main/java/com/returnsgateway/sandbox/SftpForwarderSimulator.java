package com.returnsgateway.sandbox;

import com.returnsgateway.adapter.sftp.FileKind;
import com.returnsgateway.adapter.sftp.InterceptRequestRow;
import com.returnsgateway.adapter.sftp.ParsedFile;
import com.returnsgateway.adapter.sftp.ResultRow;
import com.returnsgateway.adapter.sftp.SftpCsvFormats;
import com.returnsgateway.adapter.sftp.StatusRow;
import com.returnsgateway.core.model.InterceptOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * A forwarder that exchanges CSV files over SFTP (Apache MINA SSHD, password login, a file system rooted at
 * {@code sandbox.sftp.root}). Every {@code answer-delay} it answers each complete {@code inbound/intercepts-*.csv}
 * (names starting with a dot or ending in .tmp or .inprogress are files still being written) with a
 * {@code outbound/results-*.csv}, using the parcels and intercept rules of {@link ForwarderSimulator} for its
 * forwarder code, and moves the request to {@code inbound/processed/}; and it publishes every parcel change made
 * through {@code PUT /sandbox/forwarders/<code>/shipments/<waybill>} in the next {@code outbound/status-*.csv}. Files
 * it writes appear under a temporary name first and are renamed when complete.
 */
@Component
@SandboxEnabled
@ConditionalOnProperty(name = "sandbox.sftp.enabled", havingValue = "true", matchIfMissing = true)
public class SftpForwarderSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SftpForwarderSimulator.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final SandboxProperties.Sftp settings;
    private final ForwarderSimulator forwarders;
    private final Clock clock;
    private final Queue<StatusRow> pendingStatuses = new ConcurrentLinkedQueue<>();
    private final AtomicLong fileSequence = new AtomicLong();
    private final AtomicInteger scans = new AtomicInteger();
    private final AtomicInteger requestFilesAnswered = new AtomicInteger();
    private volatile SshServer server;
    private volatile ScheduledExecutorService scheduler;
    private volatile String knownHostsLine;
    private volatile boolean answering = true;

    @Autowired
    public SftpForwarderSimulator(SandboxProperties properties, ForwarderSimulator forwarders) {
        this(properties.getSftp(), forwarders, Clock.systemUTC());
    }

    SftpForwarderSimulator(SandboxProperties.Sftp settings, ForwarderSimulator forwarders, Clock clock) {
        this.settings = settings;
        this.forwarders = forwarders;
        this.clock = clock;
        forwarders.dispatchableCodes(settings.getForwarder()); // fails early for a forwarder code not configured
        forwarders.addParcelListener((code, parcel) -> {
            if (code.equals(settings.getForwarder())) {
                pendingStatuses.add(new StatusRow(parcel.waybill(), parcel.status(), parcel.updatedAt(),
                        "Sandbox warehouse"));
            }
        });
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Path root = root();
            Files.createDirectories(root.resolve("inbound").resolve("processed"));
            Files.createDirectories(root.resolve("outbound"));
            Path hostKeyFile = Path.of(settings.getHostKeyFile()).toAbsolutePath();
            Files.createDirectories(hostKeyFile.getParent());
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
            hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            hostKeys.setKeySize(256);
            List<KeyPair> keys = hostKeys.loadKeys(null);

            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost(settings.getHost());
            sshd.setPort(settings.getPort());
            sshd.setKeyPairProvider(hostKeys);
            byte[] expectedUser = settings.getUsername().getBytes(StandardCharsets.UTF_8);
            byte[] expectedPassword = settings.getPassword().getBytes(StandardCharsets.UTF_8);
            sshd.setPasswordAuthenticator((user, password, session) ->
                    MessageDigest.isEqual(expectedUser, user.getBytes(StandardCharsets.UTF_8))
                            & MessageDigest.isEqual(expectedPassword, password.getBytes(StandardCharsets.UTF_8)));
            sshd.setPublickeyAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
            sshd.start();
            server = sshd;
            knownHostsLine = knownHosts(sshd.getPort(), PublicKeyEntry.toString(keys.get(0).getPublic()));
            Path knownHostsFile = Path.of(settings.getKnownHostsFile()).toAbsolutePath();
            Files.createDirectories(knownHostsFile.getParent());
            Files.writeString(knownHostsFile, knownHostsLine + "\n", StandardCharsets.UTF_8);

            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sandbox-sftp-forwarder");
                thread.setDaemon(true);
                return thread;
            });
            long delay = Math.max(1, settings.getAnswerDelay().toMillis());
            executor.scheduleWithFixedDelay(this::scanSafely, delay, delay, TimeUnit.MILLISECONDS);
            scheduler = executor;
            log.info("Sandbox SFTP forwarder {} listening on {}:{} (user {}), files in {}, known_hosts in {}",
                    settings.getForwarder(), settings.getHost(), sshd.getPort(), settings.getUsername(), root,
                    knownHostsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox SFTP server", e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        SshServer sshd = server;
        server = null;
        if (sshd != null) {
            try {
                sshd.stop(true);
            } catch (IOException e) {
                log.warn("Sandbox SFTP server did not stop cleanly: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Starts before the gateway's routes, stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    /** The port actually listened on; -1 when stopped. */
    public int port() {
        SshServer sshd = server;
        return sshd == null ? -1 : sshd.getPort();
    }

    public String host() {
        return settings.getHost();
    }

    public String username() {
        return settings.getUsername();
    }

    public String forwarderCode() {
        return settings.getForwarder();
    }

    public Path root() {
        return Path.of(settings.getRoot()).toAbsolutePath();
    }

    public Path knownHostsFile() {
        return Path.of(settings.getKnownHostsFile()).toAbsolutePath();
    }

    /** The known_hosts line written at start, or null when stopped before ever starting. */
    public String knownHostsLine() {
        return knownHostsLine;
    }

    /** How many times inbound/ was looked at (tests wait on it). */
    public int scans() {
        return scans.get();
    }

    public int requestFilesAnswered() {
        return requestFilesAnswered.get();
    }

    /** Lines for JSch: {@code [host]:port} for a port other than 22, the bare host otherwise. */
    static String knownHosts(int port, String publicKeyEntry) {
        String hosts = port == 22 ? "localhost,127.0.0.1" : "[localhost]:" + port + ",[127.0.0.1]:" + port;
        return hosts + " " + publicKeyEntry;
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            log.warn("Sandbox SFTP forwarder: {}", e.toString());
        } finally {
            scans.incrementAndGet();
        }
    }

    /** A forwarder that has gone quiet: request files stay unanswered until answering is switched on again. */
    public void setAnswering(boolean answering) {
        this.answering = answering;
    }

    /** One look at inbound/ and the pending status changes. */
    synchronized void scan() throws IOException {
        Path inbound = root().resolve("inbound");
        List<Path> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(inbound)) {
            files.filter(Files::isRegularFile).filter(f -> isCompleteRequest(f.getFileName().toString()))
                    .sorted().forEach(requests::add);
        }
        if (answering) {
            for (Path request : requests) {
                answer(request);
            }
        }
        publishStatuses();
    }

    static boolean isCompleteRequest(String name) {
        return !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".inprogress")
                && FileKind.INTERCEPT_REQUESTS.accepts(name);
    }

    private void answer(Path request) throws IOException {
        String name = request.getFileName().toString();
        ParsedFile<InterceptRequestRow> parsed = SftpCsvFormats.parseInterceptRequests(
                Files.readString(request, StandardCharsets.UTF_8));
        if (parsed.rejected()) {
            log.warn("Sandbox SFTP forwarder: {} rejected: {}", name, parsed.rejectedReason());
        } else if (!parsed.errors().isEmpty()) {
            log.warn("Sandbox SFTP forwarder: {} has bad rows, not answered: {}", name, parsed.errors());
        }
        List<ResultRow> answers = new ArrayList<>();
        for (InterceptRequestRow row : parsed.values()) {
            ObjectNode body = Json.object();
            body.put("waybill", row.waybill());
            body.put("reason", row.reason());
            body.put("reference", row.requestId());
            ObjectNode answer = forwarders.intercept(settings.getForwarder(), row.requestId(), body);
            answers.add(new ResultRow(row.requestId(), row.waybill(),
                    InterceptOutcome.Result.valueOf(answer.get("outcome").asString()), answer.get("code").asString(),
                    answer.get("message").asString(), clock.instant()));
        }
        if (!answers.isEmpty()) {
            publish(FileKind.RESULTS, SftpCsvFormats.writeResults(answers));
        }
        Files.move(request, request.resolveSibling("processed").resolve(name), StandardCopyOption.REPLACE_EXISTING);
        requestFilesAnswered.incrementAndGet();
    }

    private void publishStatuses() throws IOException {
        List<StatusRow> rows = new ArrayList<>();
        for (StatusRow row = pendingStatuses.poll(); row != null; row = pendingStatuses.poll()) {
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            publish(FileKind.STATUSES, SftpCsvFormats.writeStatuses(rows));
        }
    }

    /** Writes outbound/.<name>.tmp, then renames it: a reader never sees a partial file under the final name. */
    private void publish(FileKind kind, String content) throws IOException {
        Path outbound = root().resolve("outbound");
        String name = kind.prefix() + NAME_TIME.format(clock.instant()) + "-" + fileSequence.incrementAndGet() + ".csv";
        Path temporary = outbound.resolve("." + name + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, outbound.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        log.info("Sandbox SFTP forwarder published outbound/{}", name);
    }
}

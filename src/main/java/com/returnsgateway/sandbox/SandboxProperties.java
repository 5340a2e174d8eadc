package com.returnsgateway.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sandbox simulators ({@code sandbox.*}). Only read when
 * {@code sandbox.simulators.enabled=true}.
 */
@ConfigurationProperties("sandbox")
public class SandboxProperties {

    private final Simulators simulators = new Simulators();
    private final Smtp smtp = new Smtp();
    private final Imap imap = new Imap();
    private final Seed seed = new Seed();
    private final Sftp sftp = new Sftp();
    /** Forwarders the simulator answers for, each with the status codes at which a parcel can be intercepted. */
    private List<Forwarder> forwarders = new ArrayList<>(List.of(
            new Forwarder("4px", List.of("P", "H")),
            new Forwarder("generic-express", List.of("Pending", "InfoReceived")),
            new Forwarder("sftp-cargo", List.of("RECEIVED", "IN_WAREHOUSE")),
            new Forwarder("yanwen", List.of("OR10")),
            // YunExpress's OMS API (PackageState 1: submitted) and OpenAPI (package_status F: forecast)
            new Forwarder("yunexpress", List.of("1")),
            new Forwarder("yunexpress-open", List.of("F"))));

    public Simulators getSimulators() {
        return simulators;
    }

    public Smtp getSmtp() {
        return smtp;
    }

    public Imap getImap() {
        return imap;
    }

    public Seed getSeed() {
        return seed;
    }

    public Sftp getSftp() {
        return sftp;
    }

    public List<Forwarder> getForwarders() {
        return forwarders;
    }

    public void setForwarders(List<Forwarder> forwarders) {
        this.forwarders = forwarders;
    }

    public static class Simulators {
        /** Whether the simulators and their /sandbox endpoints exist at all. */
        private boolean enabled;
        /** How long each simulated marketplace, forwarder and back-office API call takes. */
        private Duration latency = Duration.ZERO;
        /** Fraction (0..1) of those API calls that answer 503 with Retry-After: 1. */
        private double failureRate;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getLatency() {
            return latency;
        }

        public void setLatency(Duration latency) {
            this.latency = latency;
        }

        public double getFailureRate() {
            return failureRate;
        }

        public void setFailureRate(double failureRate) {
            this.failureRate = failureRate;
        }
    }

    public static class Smtp {
        /** Port of the GreenMail SMTP server; 0 picks a free port. */
        private int port = 3025;
        /** Address the SMTP server binds to. */
        private String host = "127.0.0.1";

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }
    }

    /** The seller's mailbox on the same GreenMail server, read over IMAP: where buyers' replies land. */
    public static class Imap {
        /** Port of the GreenMail IMAP server (same host as SMTP); 0 picks a free port. */
        private int port = 3143;
        /** The mailbox's address and IMAP user name: the gateway's gateway.mail.from, which buyers reply to. */
        private String address = "returns@sandbox-seller.example";
        /** Made up: the sandbox's IMAP server is reachable from this machine only. */
        private String password = "sandbox-inbox";

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    public static class Seed {
        /** Whether to load the seed file into the simulators at startup. */
        private boolean enabled = true;
        /** Seed file: a path relative to the working directory, or {@code classpath:...}. */
        private String file = "config/sandbox/seed.json";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getFile() {
            return file;
        }

        public void setFile(String file) {
            this.file = file;
        }
    }

    public static class Forwarder {
        private String code;
        /** The forwarder's own status codes at which a parcel is still at the forwarder and can be intercepted. */
        private List<String> dispatchableCodes = new ArrayList<>();

        public Forwarder() {
        }

        public Forwarder(String code, List<String> dispatchableCodes) {
            this.code = code;
            this.dispatchableCodes = new ArrayList<>(dispatchableCodes);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public List<String> getDispatchableCodes() {
            return dispatchableCodes;
        }

        public void setDispatchableCodes(List<String> dispatchableCodes) {
            this.dispatchableCodes = dispatchableCodes;
        }
    }

    /** The SFTP forwarder simulator (Apache MINA SSHD); it exists only when the simulators do. */
    public static class Sftp {
        /** Whether to run it at all. */
        private boolean enabled = true;
        /** Address the SFTP server binds to. */
        private String host = "127.0.0.1";
        /** Port of the SFTP server; 0 picks a free port. */
        private int port = 2222;
        /** The server's host key (EC P-256), created on first start and kept, so known_hosts stays valid. */
        private String hostKeyFile = "data/sandbox/sftp-hostkey.ser";
        /** Written at every start: the host key as OpenSSH known_hosts lines for [localhost]:port and [127.0.0.1]:port. */
        private String knownHostsFile = "data/sandbox/known_hosts";
        private String username = "forwarder";
        private String password = "forwarder";
        /** The forwarder's file system: inbound/ (requests from the gateway), outbound/ (results and status files). */
        private String root = "data/sandbox/sftp";
        /** How often the forwarder looks at inbound/ and publishes pending status changes. */
        private Duration answerDelay = Duration.ofSeconds(2);
        /** The forwarder code (in sandbox.forwarders) whose parcels and intercepts this forwarder works on. */
        private String forwarder = "sftp-cargo";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getHostKeyFile() {
            return hostKeyFile;
        }

        public void setHostKeyFile(String hostKeyFile) {
            this.hostKeyFile = hostKeyFile;
        }

        public String getKnownHostsFile() {
            return knownHostsFile;
        }

        public void setKnownHostsFile(String knownHostsFile) {
            this.knownHostsFile = knownHostsFile;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getRoot() {
            return root;
        }

        public void setRoot(String root) {
            this.root = root;
        }

        public Duration getAnswerDelay() {
            return answerDelay;
        }

        public void setAnswerDelay(Duration answerDelay) {
            this.answerDelay = answerDelay;
        }

        public String getForwarder() {
            return forwarder;
        }

        public void setForwarder(String forwarder) {
            this.forwarder = forwarder;
        }
    }
}

package com.returnsgateway.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.returnsgateway.sandbox.amazon.AmazonSimulatorSeeder;

import tools.jackson.databind.JsonNode;

/** What the sandbox runs (ports, forwarders, counts), and run-time control of latency, failure rate and state. */
@RestController
@RequestMapping("/sandbox")
@SandboxEnabled
public class SandboxController {

    private final Faults faults;
    private final MarketplaceSimulator marketplace;
    private final ForwarderSimulator forwarders;
    private final BackOfficeSimulator backOffice;
    private final SandboxMailServer mail;
    private final SandboxSeeder seeder;
    private final ObjectProvider<SftpForwarderSimulator> sftp;
    private final AmazonSimulatorSeeder amazon;
    private final ObjectProvider<SimulatedForwarders> simulators;
    private final SandboxPace pace;

    public SandboxController(Faults faults, MarketplaceSimulator marketplace, ForwarderSimulator forwarders,
                             BackOfficeSimulator backOffice, SandboxMailServer mail, SandboxSeeder seeder,
                             ObjectProvider<SftpForwarderSimulator> sftp, AmazonSimulatorSeeder amazon,
                             ObjectProvider<SimulatedForwarders> simulators, SandboxPace pace) {
        this.pace = pace;
        this.faults = faults;
        this.marketplace = marketplace;
        this.forwarders = forwarders;
        this.backOffice = backOffice;
        this.mail = mail;
        this.seeder = seeder;
        this.sftp = sftp;
        this.amazon = amazon;
        this.simulators = simulators;
    }

    @GetMapping
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("smtp", Map.of("host", mail.host(), "port", mail.port()));
        // where buyers reply (POST /sandbox/buyers/reply does it for them); the gateway reads it over IMAP
        info.put("inbox", Map.of("address", mail.inboxAddress(), "imapHost", mail.host(), "imapPort", mail.imapPort(),
                "username", mail.inboxAddress()));
        sftp.ifAvailable(server -> info.put("sftp", Map.of("forwarder", server.forwarderCode(), "host", server.host(),
                "port", server.port(), "username", server.username(),
                "knownHostsFile", server.knownHostsFile().toString(), "root", server.root().toString())));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, SimulatedForwarders.Simulated> protocols = new LinkedHashMap<>();
        simulators.orderedStream().forEach(simulator -> simulator.simulated(base).forEach(s -> protocols.put(s.code(), s)));
        List<Map<String, Object>> fwd = forwarders.codes().stream()
                .map(code -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("code", code);
                    SimulatedForwarders.Simulated simulated = protocols.remove(code);
                    if (simulated != null) {
                        f.put("protocol", simulated.protocol());
                        f.put("baseUrl", simulated.baseUrl());
                    } else if (sftp.getIfAvailable() != null && code.equals(sftp.getIfAvailable().forwarderCode())) {
                        f.put("protocol", "sftp");
                        f.put("baseUrl", "sftp://" + sftp.getIfAvailable().host() + ":" + sftp.getIfAvailable().port());
                    } else {
                        // the gateway's own HTTP contract, served for every code
                        f.put("protocol", "http");
                        f.put("baseUrl", base + "/sandbox/forwarders/" + code);
                    }
                    f.put("dispatchableCodes", forwarders.dispatchableCodes(code));
                    f.put("parcels", forwarders.parcelCount(code));
                    return f;
                })
                .toList();
        info.put("forwarders", fwd);
        // simulators of services that are not forwarders themselves (17TRACK follows any carrier's numbers)
        info.put("tracking", protocols.values().stream()
                .map(s -> Map.<String, Object>of("code", s.code(), "protocol", s.protocol(), "baseUrl", s.baseUrl()))
                .toList());
        info.put("marketplaces", MarketplaceSimulator.info(marketplace));
        info.put("reships", backOffice.count());
        info.put("mails", mail.mails().size());
        info.put("settings", settings());
        return info;
    }

    @GetMapping("/settings")
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("latency", faults.latency().toString());
        s.put("failureRate", faults.failureRate());
        s.put("apiCalls", faults.calls());
        s.put("apiCallsByOperation", faults.callsByOperation());
        s.put("injectedFailures", faults.injectedFailures());
        s.put("pace", pace.pace().map(Duration::toString).orElse("off"));
        return s;
    }

    /**
     * {@code {"latency": "250ms" | "PT0.25S" | 250 (ms), "failureRate": 0.1, "pace": "30s" | "off"}}; any field may be
     * left out.
     */
    @PutMapping("/settings")
    public Map<String, Object> changeSettings(@RequestBody JsonNode body) {
        JsonNode latency = body.get("latency");
        Duration newLatency = null;
        if (latency != null && !latency.isNull()) {
            try {
                newLatency = latency.isNumber() ? Duration.ofMillis(latency.longValue())
                        : DurationStyle.detectAndParse(latency.asString());
            } catch (RuntimeException e) {
                throw SandboxException.badRequest("latency is not a duration: " + latency);
            }
            if (newLatency.isNegative()) {
                throw SandboxException.badRequest("latency must not be negative");
            }
        }
        Double newRate = null;
        JsonNode rate = body.get("failureRate");
        if (rate != null && !rate.isNull()) {
            if (!rate.isNumber() || rate.doubleValue() < 0 || rate.doubleValue() > 1) {
                throw SandboxException.badRequest("failureRate must be a number between 0 and 1");
            }
            newRate = rate.doubleValue();
        }
        JsonNode newPace = body.get("pace");
        if (newPace != null && !newPace.isNull()) {
            try {
                pace.setPace(SandboxPace.parse(newPace.asString()));
            } catch (RuntimeException e) {
                throw SandboxException.badRequest("pace is not a duration (or 0, off): " + newPace);
            }
        }
        if (newLatency != null) {
            faults.setLatency(newLatency);
        }
        if (newRate != null) {
            faults.setFailureRate(newRate);
        }
        return settings();
    }

    /**
     * Control: forget every return, refund, parcel, intercept, reship and email, and the Amazon simulator's state;
     * reload the seeds if asked.
     */
    @PostMapping("/reset")
    public Map<String, Object> reset(@RequestParam(name = "reseed", defaultValue = "false") boolean reseed) {
        marketplace.clear();
        forwarders.clear();
        backOffice.clear();
        mail.clear();
        faults.resetCounters();
        amazon.reset(false);
        if (reseed) {
            seeder.seed();
            amazon.seed();
        }
        return info();
    }
}

package com.returnsgateway.sandbox.amazon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

/** The selling partners the simulated application is authorised for, by seller id. Thread-safe. */
@Component
@SandboxEnabled
public class SimulatedSellers {

    private final Map<String, SimulatedSeller> sellers = new ConcurrentHashMap<>();

    public void put(SimulatedSeller seller) {
        sellers.put(seller.sellerId(), seller);
    }

    public Optional<SimulatedSeller> find(String sellerId) {
        return Optional.ofNullable(sellerId == null ? null : sellers.get(sellerId));
    }

    public SimulatedSeller require(String sellerId) {
        return find(sellerId).orElseThrow(() -> SpApiException.invalidInput("unknown seller " + sellerId
                + "; known: " + sellers.keySet()));
    }

    public Optional<SimulatedSeller> byRefreshToken(String refreshToken) {
        return sellers.values().stream().filter(s -> s.refreshToken().equals(refreshToken)).findFirst();
    }

    public List<SimulatedSeller> all() {
        return new ArrayList<>(sellers.values());
    }

    public void clear() {
        sellers.clear();
    }
}

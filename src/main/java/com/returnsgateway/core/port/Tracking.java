package com.returnsgateway.core.port;

import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last-mile tracking service, if one is configured ({@code gateway.tracking.type}, empty: none), and the status
 * profile that translates its codes ({@code gateway.tracking.status-profile}, by default named as the type). A type no
 * adapter speaks stops the start-up.
 */
@Component
public class Tracking {

    private final TrackingPort service;
    private final String statusProfile;

    public Tracking(List<TrackingPort> adapters, Environment environment) {
        String type = environment.getProperty("gateway.tracking.type", "").strip();
        if (type.isEmpty()) {
            this.service = null;
            this.statusProfile = null;
            return;
        }
        this.service = adapters.stream().filter(a -> a.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No adapter speaks gateway.tracking.type: '" + type
                        + "'; the tracking types this gateway speaks are "
                        + adapters.stream().map(TrackingPort::type).sorted().toList()));
        this.statusProfile = environment.getProperty("gateway.tracking.status-profile", type).strip();
    }

    /** The configured service, or empty when shipments are followed through their forwarders only. */
    public Optional<TrackingPort> service() {
        return Optional.ofNullable(service);
    }

    public String statusProfile() {
        return statusProfile;
    }
}

package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.core.port.TrackingPort;
import com.returnsgateway.core.remote.RemoteCalls;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 17TRACK as the gateway's tracking service: {@link #follow} stores a number (the tracking route registers it in a
 * batch later), {@link #latest} reads what 17TRACK last told, by poll or webhook.
 */
@Component
public class SeventeenTrack implements TrackingPort {

    private final boolean selected;
    private final SeventeenTrackSettings settings;
    private final TrackedNumbers numbers;
    private final SeventeenTrackClient client;

    @Autowired
    public SeventeenTrack(Environment environment, TrackedNumbers numbers, RemoteCalls calls, JsonMapper json) {
        this(SeventeenTrackSettings.selected(environment), SeventeenTrackSettings.bind(environment), numbers, calls,
                json);
    }

    SeventeenTrack(boolean selected, SeventeenTrackSettings settings, TrackedNumbers numbers, RemoteCalls calls,
                   JsonMapper json) {
        this.selected = selected;
        this.settings = settings;
        this.numbers = numbers;
        this.client = new SeventeenTrackClient(settings, calls, json, new RequestPace(settings.requestsPerSecond()));
    }

    @Override
    public String type() {
        return SeventeenTrackSettings.TYPE;
    }

    @Override
    public void follow(String number, String carrier) {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("a tracking number to follow is required");
        }
        String trimmed = number.strip();
        if (trimmed.length() > 64 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a tracking number (too long or with control characters)");
        }
        numbers.add(trimmed, Carriers.key(carrier));
    }

    @Override
    public Optional<TrackingStatus> latest(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return numbers.find(number.strip())
                .filter(tracked -> tracked.statusCode() != null && tracked.statusAt() != null)
                .map(tracked -> new TrackingStatus(tracked.statusCode(),
                        tracked.statusDetail() == null ? "" : tracked.statusDetail(), tracked.statusAt()));
    }

    /** Whether {@code gateway.tracking.type} is 17track: else the tracking route and the webhook do nothing. */
    boolean selected() {
        return selected;
    }

    SeventeenTrackSettings settings() {
        return settings;
    }

    SeventeenTrackClient client() {
        return client;
    }

    TrackedNumbers numbers() {
        return numbers;
    }

    /** The tracking route's timer, in milliseconds, for {@code {{bean:seventeenTrack.registerIntervalMillis}}}. */
    public long registerIntervalMillis() {
        return settings.registerInterval().toMillis();
    }
}

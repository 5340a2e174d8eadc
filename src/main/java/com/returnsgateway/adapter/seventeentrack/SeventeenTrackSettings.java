package com.returnsgateway.adapter.seventeentrack;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * 17TRACK, under {@code gateway.tracking.17track.*}, used when {@code gateway.tracking.type} is {@code 17track}
 * (empty: no tracking service). Bound here, not in the core's GatewayProperties: only this adapter reads them.
 *
 * @param baseUrl           the API, up to the version ({@code .../track/v2.2})
 * @param apiKey            the account's key, sent as header {@code 17token} and signing the webhook: a secret, from
 *                          the environment or a configtree file
 * @param pollInterval      a registered number is asked about again (gettrackinfo) when its status is this old
 * @param registerInterval  how often the tracking route registers new numbers and refreshes old ones
 * @param requestsPerSecond calls per second at most (17TRACK answers 429 above 3)
 * @param quotaPause        after 17TRACK said the daily limit or the quota is used up, no registration is tried for
 *                          this long
 * @param maxBatchesPerTick a tick sends at most this many register and this many gettrackinfo calls (40 numbers each)
 */
public record SeventeenTrackSettings(@DefaultValue("https://api.17track.net/track/v2.2") String baseUrl,
                                     @DefaultValue("") String apiKey,
                                     @DefaultValue("10m") Duration pollInterval,
                                     @DefaultValue("30s") Duration registerInterval,
                                     @DefaultValue("3") int requestsPerSecond,
                                     @DefaultValue("1h") Duration quotaPause,
                                     @DefaultValue("25") int maxBatchesPerTick) {

    /** The {@code gateway.tracking.type} of this adapter. */
    public static final String TYPE = "17track";
    /** 17TRACK takes at most this many numbers a call. */
    public static final int MAX_BATCH = 40;

    /** Whether {@code gateway.tracking.type} names 17TRACK. */
    static boolean selected(Environment environment) {
        return TYPE.equalsIgnoreCase(Binder.get(environment).bind("gateway.tracking.type", String.class).orElse("")
                .strip());
    }

    static SeventeenTrackSettings bind(Environment environment) {
        return Binder.get(environment).bindOrCreate("gateway.tracking.17track", SeventeenTrackSettings.class);
    }

    /** {@code base-url} joined with an operation ("register"). */
    String url(String operation) {
        return baseUrl.strip().replaceAll("/+$", "") + "/" + operation;
    }

    @Override
    public String toString() {
        return "SeventeenTrackSettings[" + baseUrl + ", apiKey " + (apiKey.isBlank() ? "empty" : "set") + ", poll "
                + pollInterval + ", register " + registerInterval + "]";
    }
}

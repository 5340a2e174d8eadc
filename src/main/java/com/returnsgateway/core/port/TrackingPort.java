package com.returnsgateway.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * A tracking service for the last mile ({@code gateway.tracking.type}), for any carrier: where is a parcel after the
 * forwarder handed it over. Numbers are followed (registered with the service, in batches, in the background) and
 * their latest status is what the service last told, by a poll or a push.
 */
public interface TrackingPort {

    /** The {@code type:} this adapter speaks. */
    String type();

    /**
     * Starts following a carrier's tracking number; idempotent. Registration with the service may happen later (in
     * batches), so the first {@link #latest} may be empty.
     *
     * @param carrier the carrier as the shipment names it (a name such as "usps", or the service's own carrier key);
     *                null or blank: the service detects it
     */
    void follow(String number, String carrier);

    /** The latest status the service gave for this number, if any. */
    Optional<TrackingStatus> latest(String number);

    /**
     * @param code   the service's own status, most specific first (17TRACK: its sub-status such as
     *               {@code Exception_Returning}, else its status such as {@code Delivered}); mapped to a ShipmentState
     *               by the tracking service's status profile
     * @param detail the latest event as a person reads it, for the timeline ("" when none)
     * @param at     when the service reported it
     */
    record TrackingStatus(String code, String detail, Instant at) {
    }
}

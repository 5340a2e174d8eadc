package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * 17TRACK's {@code track_info} (from gettrackinfo or the webhook) as a {@link TrackingStatus}: the code is the
 * sub-status when it says more than the status ({@code Exception_Returning}, {@code Delivered_Other}... but not a
 * bare copy of the status), else the status ({@code InTransit}); the detail is the latest event.
 */
final class TrackInfo {

    private TrackInfo() {
    }

    /** Empty when 17TRACK has no status for the number yet. */
    static Optional<TrackingStatus> status(JsonNode trackInfo, Instant now) {
        JsonNode latest = trackInfo == null ? null : trackInfo.path("latest_status");
        String status = latest == null ? "" : latest.path("status").asString("").strip();
        String subStatus = latest == null ? "" : latest.path("sub_status").asString("").strip();
        if (status.isEmpty() && subStatus.isEmpty()) {
            return Optional.empty();
        }
        String code = code(status, subStatus);
        JsonNode event = trackInfo.path("latest_event");
        return Optional.of(new TrackingStatus(code, detail(event), time(event, now)));
    }

    static String code(String status, String subStatus) {
        boolean moreSpecific = !subStatus.isEmpty() && !subStatus.equalsIgnoreCase(status);
        String code = moreSpecific || status.isEmpty() ? subStatus : status;
        return code.length() > 64 ? code.substring(0, 64) : code;
    }

    private static String detail(JsonNode event) {
        String description = event.path("description").asString("").strip();
        String location = event.path("location").asString("").strip();
        String text = location.isEmpty() ? description : description.isEmpty() ? location
                : description + ", " + location;
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** The latest event's time ({@code time_utc}, else {@code time_iso}); now when it has none. */
    private static Instant time(JsonNode event, Instant now) {
        for (String field : new String[] {"time_utc", "time_iso"}) {
            String text = event.path(field).asString("").strip();
            if (!text.isEmpty()) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    // the other field, or now
                }
            }
        }
        return now;
    }
}

package com.returnsgateway.adapter.yanwen;

import com.returnsgateway.core.port.ForwarderPort.ParcelStatus;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** One parcel of Yanwen's tracking answer as a {@link ParcelStatus}: its latest code, and the checkpoint behind it. */
final class YanwenTracking {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final int MAX_CODE = 64;

    private YanwenTracking() {
    }

    static ParcelStatus status(JsonNode parcel, String who) {
        String code = parcel.path("tracking_status").asString("").strip();
        JsonNode latest = latest(parcel.path("checkpoints"));
        if (YanwenForwarder.NOT_FOUND.equalsIgnoreCase(code)) {
            return ParcelStatus.unknownWaybill();
        }
        if (code.isEmpty() && latest != null) {
            code = latest.path("tracking_status").asString("").strip();
        }
        if (code.isEmpty() || code.length() > MAX_CODE || code.chars().anyMatch(Character::isISOControl)) {
            throw RemoteCallException.permanent(who + " answered no usable tracking_status: "
                    + HttpResponses.oneLine(parcel.toString()));
        }
        return ParcelStatus.of(code, latest == null ? "" : detail(latest));
    }

    /**
     * The latest checkpoint: the one with the latest {@code time_stamp} (Yanwen's local time, all of one parcel in one
     * zone), or the last one listed when the times cannot be read.
     */
    static JsonNode latest(JsonNode checkpoints) {
        if (!checkpoints.isArray() || checkpoints.isEmpty()) {
            return null;
        }
        JsonNode latest = null;
        LocalDateTime latestTime = null;
        for (JsonNode checkpoint : checkpoints) {
            LocalDateTime time = time(checkpoint.path("time_stamp").asString(""));
            if (time == null) {
                return checkpoints.get(checkpoints.size() - 1);
            }
            if (latestTime == null || !time.isBefore(latestTime)) {
                latest = checkpoint;
                latestTime = time;
            }
        }
        return latest;
    }

    private static LocalDateTime time(String text) {
        try {
            return LocalDateTime.parse(text.strip().replace('T', ' '), TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "2026-11-20 10:00 (+8) Delivered, Los Angeles": what the timeline shows. */
    private static String detail(JsonNode checkpoint) {
        StringBuilder detail = new StringBuilder();
        String time = checkpoint.path("time_stamp").asString("").strip();
        String zone = checkpoint.path("time_zone").asString("").strip();
        String message = checkpoint.path("message").asString("").strip();
        String location = checkpoint.path("location").asString("").strip();
        if (!time.isEmpty()) {
            detail.append(time).append(zone.isEmpty() ? "" : " (" + zone + ")").append(' ');
        }
        detail.append(message.isEmpty() ? checkpoint.path("tracking_status").asString("") : message);
        if (!location.isEmpty()) {
            detail.append(", ").append(location);
        }
        String text = detail.toString().strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

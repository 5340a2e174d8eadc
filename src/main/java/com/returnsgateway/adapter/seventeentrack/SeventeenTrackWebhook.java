package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.adapter.seventeentrack.TrackedNumbers.State;
import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 17TRACK's push: {@code POST /webhooks/17track}, open without login (SecurityConfig) because the signature is the
 * proof: header {@code sign} must be the SHA-256 of the raw body and the API key, checked before the body is parsed.
 * {@code TRACKING_UPDATED} stores the number's status, {@code TRACKING_STOPPED} marks it STOPPED; a number the gateway
 * does not follow is acknowledged and ignored, so 17TRACK does not push it again.
 */
@RestController
public class SeventeenTrackWebhook {

    static final String PATH = "/webhooks/17track";
    /** A 17TRACK push carries one number; far larger is not one. */
    static final int MAX_BODY = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SeventeenTrackWebhook.class);

    private final SeventeenTrack tracking;
    private final JsonMapper json;
    private final Clock clock;
    /** Why pushes were refused, each logged once: a flood of forged pushes makes one line, not one per request. */
    private final Set<String> refusalsLogged = ConcurrentHashMap.newKeySet();

    public SeventeenTrackWebhook(SeventeenTrack tracking, JsonMapper json, Clock clock) {
        this.tracking = tracking;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(PATH)
    public ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
        if (!tracking.selected()) {
            return answer(HttpStatus.NOT_FOUND, "no 17TRACK tracking service is configured here");
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "body over " + MAX_BODY + " bytes");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return refuse(HttpStatus.CONTENT_TOO_LARGE, "body over " + MAX_BODY + " bytes");
        }
        String sign = request.getHeader("sign");
        if (sign == null || sign.isBlank()) {
            return refuse(HttpStatus.UNAUTHORIZED, "missing sign header");
        }
        if (!WebhookSignature.matches(body, tracking.settings().apiKey().strip(), sign)) {
            return refuse(HttpStatus.UNAUTHORIZED, "sign does not match the body and the API key");
        }
        JsonNode push;
        try {
            push = json.readTree(body);
        } catch (JacksonException e) {
            push = null;
        }
        if (push == null || !push.isObject()) {
            return refuse(HttpStatus.BAD_REQUEST, "signed body is not a JSON object");
        }
        String event = push.path("event").asString("");
        JsonNode data = push.path("data");
        String number = data.path("number").asString("").strip();
        if (number.isEmpty()) {
            return refuse(HttpStatus.BAD_REQUEST, "signed push without data.number");
        }
        switch (event) {
            case "TRACKING_UPDATED" -> updated(number, data.path("track_info"));
            case "TRACKING_STOPPED" -> stopped(number);
            default -> log.debug("17TRACK push of event '{}' ignored", event);
        }
        return answer(HttpStatus.OK, "received");
    }

    private void updated(String number, JsonNode trackInfo) {
        Optional<TrackingStatus> status = TrackInfo.status(trackInfo, clock.instant());
        if (tracking.numbers().find(number).isEmpty()) {
            log.debug("17TRACK pushed an update of a number the gateway does not follow; ignored");
            return;
        }
        status.ifPresent(s -> tracking.numbers().status(number, s));
    }

    private void stopped(String number) {
        if (tracking.numbers().find(number).isEmpty()) {
            log.debug("17TRACK stopped a number the gateway does not follow; ignored");
            return;
        }
        tracking.numbers().mark(List.of(number), State.STOPPED, "17TRACK stopped following it");
    }

    private ResponseEntity<Map<String, String>> refuse(HttpStatus status, String cause) {
        if (refusalsLogged.add(cause)) {
            log.warn("17TRACK webhook refused ({}): {}; further pushes refused for this cause are not logged",
                    status.value(), cause);
        }
        return answer(status, cause);
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(status.is2xxSuccessful() ? "status" : "error", message));
    }
}

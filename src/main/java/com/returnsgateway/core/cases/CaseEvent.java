package com.returnsgateway.core.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Something a case went through that the world outside the case may want to hear of: the back office (webhooks) and
 * the metrics listen to these. Published as a Spring application event, synchronously, in the transaction of the
 * change it tells of, so a listener that writes to the database (the webhook outbox) commits or rolls back with it.
 *
 * <p>{@code details} carries what each type knows, under these keys when they apply: {@code marketplace},
 * {@code forwarder}, {@code waybill}, {@code amount} (a plain decimal), {@code currency}, {@code refundType},
 * {@code status} (the case's new status), {@code reason} (a person's words: may quote a remote system).
 */
public record CaseEvent(String caseId, Type type, Instant at, Map<String, String> details) {

    public CaseEvent {
        details = Map.copyOf(details);
    }

    /**
     * An event with its details given as key, value, key, value...; a detail whose value is null or blank is left
     * out (what a type knows "where it applies").
     */
    public static CaseEvent of(String caseId, Type type, Instant at, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in key, value pairs: " + keysAndValues.length + " given");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String value = keysAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                details.put(keysAndValues[i], value);
            }
        }
        return new CaseEvent(caseId, type, at, details);
    }

    public enum Type {
        OPENED,
        INTERCEPT_REQUESTED,
        INTERCEPT_ACCEPTED,
        INTERCEPT_REJECTED,
        REFUND_SENT,
        REFUND_ACCEPTED,
        REFUND_REJECTED,
        MANUAL_REVIEW,
        CLOSED;

        /** The name outside systems see: {@code intercept.accepted}, {@code case.opened}. */
        public String externalName() {
            String name = name().toLowerCase(Locale.ROOT);
            return switch (this) {
                case OPENED, MANUAL_REVIEW, CLOSED -> "case." + name;
                default -> name.replaceFirst("_", ".");
            };
        }
    }

    public String detail(String key) {
        return details.get(key);
    }
}

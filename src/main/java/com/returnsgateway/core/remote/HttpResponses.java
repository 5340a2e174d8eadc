package com.returnsgateway.core.remote;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;

/**
 * Reads the outcome of a camel-http call made with {@code throwExceptionOnFailure=false}: 2xx gives the body;
 * 5xx and 429 are transient (honouring Retry-After); other statuses are permanent.
 */
public final class HttpResponses {

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private HttpResponses() {
    }

    public static int status(Exchange exchange) {
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (code == null) {
            throw RemoteCallException.transientFailure("no HTTP response received", null);
        }
        return code;
    }

    public static String requireSuccess(Exchange exchange, String what) {
        return requireSuccess(status(exchange), exchange.getMessage().getBody(String.class),
                exchange.getMessage().getHeader("Retry-After", String.class), what);
    }

    /** The body of a 2xx answer; any other status as a transient (5xx, 429) or permanent failure naming {@code what}. */
    public static String requireSuccess(int status, String body, String retryAfterHeader, String what) {
        if (status >= 200 && status < 300) {
            return body;
        }
        String message = what + " answered HTTP " + status + abbreviate(body);
        if (status == 429 || status >= 500) {
            throw RemoteCallException.transientFailure(message, retryAfter(retryAfterHeader));
        }
        throw RemoteCallException.permanent(message);
    }

    public static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unparseable) {
                return null;
            }
        }
    }

    /** A response body as one short line, for error messages and timelines. */
    public static String oneLine(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > MAX_BODY_IN_MESSAGE ? oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "..." : oneLine);
    }
}

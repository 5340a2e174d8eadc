package com.returnsgateway.core.resilience;

/** A system the gateway calls: one circuit breaker and one rate limiter each. */
public record RemoteSystem(Kind kind, String code) {

    public enum Kind { MARKETPLACE, FORWARDER, TRACKING, BACK_OFFICE, SMTP }

    public static RemoteSystem marketplace(String code) {
        return new RemoteSystem(Kind.MARKETPLACE, code);
    }

    public static RemoteSystem forwarder(String code) {
        return new RemoteSystem(Kind.FORWARDER, code);
    }

    /** A tracking service for the last mile (gateway.tracking.type), such as 17track. */
    public static RemoteSystem tracking(String code) {
        return new RemoteSystem(Kind.TRACKING, code);
    }

    public static final RemoteSystem BACK_OFFICE = new RemoteSystem(Kind.BACK_OFFICE, "back-office");
    public static final RemoteSystem SMTP = new RemoteSystem(Kind.SMTP, "smtp");

    /** The breaker's and limiter's name, also the {@code system} tag of the metrics. */
    public String id() {
        return switch (kind) {
            case MARKETPLACE -> "marketplace-" + code;
            case FORWARDER -> "forwarder-" + code;
            case TRACKING -> "tracking-" + code;
            case BACK_OFFICE, SMTP -> code;
        };
    }

    /** As a person reads it on a case timeline: "forwarder 4px", "the SMTP server". */
    @Override
    public String toString() {
        return switch (kind) {
            case MARKETPLACE -> "marketplace " + code;
            case FORWARDER -> "forwarder " + code;
            case TRACKING -> "tracking service " + code;
            case BACK_OFFICE -> "the back office";
            case SMTP -> "the SMTP server";
        };
    }
}

package com.returnsgateway.core.waits;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long cases wait before the gateway looks again or gives up ({@code gateway.waits.*}).
 *
 * @param followUpFirst       a parcel in transit is asked about again this long after the buyer was told
 * @param followUpMax         ... and then after as long as it has waited so far (doubling), at most this long
 * @param inTransitLimit      a parcel still moving this long after the buyer was told: one operations task
 * @param returnReminderAfter a buyer sent a label whose return has no carrier scan after this long: one reminder
 * @param returnWindow        ... and after this long without a scan the case is closed without refund; a parcel
 *                            coming back to the sender by itself and not back after this long: an operations task
 * @param summaryAt           the day's operations summary is sent at this time of day, in {@code zone}
 * @param zone                the seller's time zone: what "a day" is for the summary
 * @param sweepInterval       how often waiting cases whose timer is due are looked at
 * @param claim               a case being looked at is not looked at again (by this or another instance) for this long
 */
@ConfigurationProperties("gateway.waits")
public record WaitSettings(
        @DefaultValue("1h") Duration followUpFirst,
        @DefaultValue("12h") Duration followUpMax,
        @DefaultValue("21d") Duration inTransitLimit,
        @DefaultValue("7d") Duration returnReminderAfter,
        @DefaultValue("30d") Duration returnWindow,
        @DefaultValue("08:00") LocalTime summaryAt,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("5m") Duration claim) {

    /** The next follow-up of a parcel that has been in transit for {@code age}: as long again, within first..max. */
    public Duration nextFollowUp(Duration age) {
        if (age.compareTo(followUpFirst) < 0) {
            return followUpFirst;
        }
        return age.compareTo(followUpMax) > 0 ? followUpMax : age;
    }

    /**
     * The waits past their limits, as a condition on {@code return_case} for the day's summary and the console: a
     * parcel in transit longer than {@link #inTransitLimit()}, a return not back within {@link #returnWindow()}.
     * Its parameters: {@link #pastLimitsParams}.
     */
    public static final String PAST_LIMITS = """
            ((status = 'AWAITING_BUYER' AND wait_kind = 'PARCEL_IN_TRANSIT' AND waiting_since <= :transitLimit)
              OR (status = 'AWAITING_RETURN' AND wait_kind IN ('BUYER_RETURN', 'BACK_TO_SENDER')
                  AND waiting_since <= :windowLimit))""";

    public Map<String, Object> pastLimitsParams(Instant now) {
        return Map.of("transitLimit", Timestamp.from(now.minus(inTransitLimit)),
                "windowLimit", Timestamp.from(now.minus(returnWindow)));
    }
}

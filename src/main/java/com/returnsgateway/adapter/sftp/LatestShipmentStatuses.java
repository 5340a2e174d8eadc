package com.returnsgateway.adapter.sftp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import com.returnsgateway.core.waits.WaitingCases;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The latest status of each parcel at an SFTP forwarder, from its status files: the shipment-status step reads it
 * instead of calling an API. An event older than (or as old as) the stored one changes nothing, so files may arrive
 * in any order.
 */
@Repository
public class LatestShipmentStatuses {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Told of a parcel whose latest status changed (forwarder, waybill): its waiting cases are looked at now. */
    private final BiConsumer<String, String> changed;

    @Autowired
    public LatestShipmentStatuses(JdbcClient jdbc, Clock clock, WaitingCases waits) {
        this(jdbc, clock, waits::wakeWaybill);
    }

    public LatestShipmentStatuses(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, (forwarder, waybill) -> { });
    }

    private LatestShipmentStatuses(JdbcClient jdbc, Clock clock, BiConsumer<String, String> changed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changed = changed;
    }

    public record LatestStatus(String forwarder, String waybill, String statusCode, Instant eventTime,
                               String location, Instant updatedAt) {
    }

    /** True when the event became the latest status of the parcel, false when a newer (or same-time) one is stored. */
    public boolean record(String forwarder, StatusRow row) {
        boolean latest = jdbc.sql("""
                        INSERT INTO shipment_status_latest (forwarder, waybill, status_code, event_time, location, updated_at)
                        VALUES (:forwarder, :waybill, :code, :eventTime, :location, :now)
                        ON CONFLICT (forwarder, waybill) DO UPDATE
                           SET status_code = EXCLUDED.status_code, event_time = EXCLUDED.event_time,
                               location = EXCLUDED.location, updated_at = EXCLUDED.updated_at
                         WHERE shipment_status_latest.event_time < EXCLUDED.event_time""")
                .param("forwarder", forwarder)
                .param("waybill", row.waybill())
                .param("code", row.statusCode())
                .param("eventTime", Timestamp.from(row.eventTime()))
                .param("location", row.location())
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
        if (latest) {
            changed.accept(forwarder, row.waybill());
        }
        return latest;
    }

    public Optional<LatestStatus> find(String forwarder, String waybill) {
        return jdbc.sql("SELECT * FROM shipment_status_latest WHERE forwarder = :forwarder AND waybill = :waybill")
                .param("forwarder", forwarder)
                .param("waybill", waybill)
                .query((rs, n) -> new LatestStatus(rs.getString("forwarder"), rs.getString("waybill"),
                        rs.getString("status_code"), rs.getTimestamp("event_time").toInstant(),
                        rs.getString("location"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}

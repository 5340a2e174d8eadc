package com.returnsgateway.core.returns;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.port.Tracking;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parcels buyers send back. Whoever learns a return's tracking number (a later Amazon returns report, a buyer's
 * reply, 4PX's returns service, an operator) attaches it here; it is kept on the case, followed by the tracking
 * service when one is configured, and its scans decide the refund moment.
 */
@Component
public class ReturnParcels {

    /** A return parcel as known so far. */
    public record ReturnParcel(String caseId, String number, String carrier, String source, Instant attachedAt,
                               Instant firstScanAt, Instant deliveredAt, Instant receivedAt, String lastCode) {
    }

    /** What attaching did. */
    public enum Attached { NEW, SAME, REPLACED, NOT_WAITING }

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Tracking tracking;
    private final Clock clock;

    public ReturnParcels(JdbcClient jdbc, Cases cases, Tracking tracking, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.tracking = tracking;
        this.clock = clock;
    }

    /**
     * Attaches the return's tracking number to a case waiting for it (AWAITING_RETURN, or AWAITING_BUYER whose buyer
     * is sending the parcel back); the same number again changes nothing, another one replaces it (the latest source
     * wins, both are on the timeline).
     *
     * @param source where the number came from, for the timeline: "amazon returns report", "buyer reply", ...
     */
    public Attached attach(String caseId, String number, String carrier, String source) {
        CaseStatus status = cases.get(caseId).status();
        if (status != CaseStatus.AWAITING_RETURN && status != CaseStatus.AWAITING_BUYER) {
            return Attached.NOT_WAITING;
        }
        Optional<ReturnParcel> known = find(caseId);
        if (known.isPresent() && known.get().number().equalsIgnoreCase(number)) {
            return Attached.SAME;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO return_parcel (case_id, number, carrier, source, attached_at, updated_at)
                        VALUES (:caseId, :number, :carrier, :source, :now, :now)
                        ON CONFLICT (case_id) DO UPDATE SET number = :number, carrier = :carrier, source = :source,
                               attached_at = :now, first_scan_at = NULL, delivered_at = NULL, received_at = NULL,
                               last_code = NULL, last_detail = NULL, updated_at = :now""")
                .param("caseId", caseId)
                .param("number", number)
                .param("carrier", carrier)
                .param("source", source)
                .param("now", Timestamp.from(now))
                .update();
        cases.record(caseId, source, "RETURN_TRACKING", "Return parcel tracking number " + number
                + (carrier == null || carrier.isBlank() ? "" : " (" + carrier + ")") + " learnt from " + source
                + (known.isPresent() ? "; it replaces " + known.get().number() : ""), "ATTACHED");
        tracking.service().ifPresent(service -> service.follow(number, carrier));
        return known.isPresent() ? Attached.REPLACED : Attached.NEW;
    }

    public Optional<ReturnParcel> find(String caseId) {
        return jdbc.sql("SELECT * FROM return_parcel WHERE case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new ReturnParcel(rs.getString("case_id"), rs.getString("number"),
                        rs.getString("carrier"), rs.getString("source"), instant(rs.getTimestamp("attached_at")),
                        instant(rs.getTimestamp("first_scan_at")), instant(rs.getTimestamp("delivered_at")),
                        instant(rs.getTimestamp("received_at")), rs.getString("last_code")))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package com.returnsgateway.core.returns;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.port.Tracking;
import java.sql.Timestamp;
import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
                               Instant firstScanAt, Instant deliveredAt, Instant receivedAt, String lastCode,
                               String refundMoment, String rmaForwarder, String rmaNo, String rmaStatus) {

        /** The latest moment reached, or null while the carrier has not scanned it. */
        public RefundMoment reached() {
            return receivedAt != null ? RefundMoment.RECEIVED : deliveredAt != null ? RefundMoment.DELIVERED
                    : firstScanAt != null ? RefundMoment.FIRST_SCAN : null;
        }
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
                               last_code = NULL, last_detail = NULL, rma_forwarder = NULL, rma_no = NULL,
                               rma_status = NULL, rma_checked_at = NULL, updated_at = :now""")
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
                .query(ReturnParcels::row)
                .optional();
    }

    /** The return parcels of cases still waiting for them (AWAITING_RETURN or AWAITING_BUYER), oldest first. */
    public List<ReturnParcel> awaited(int limit) {
        return jdbc.sql("""
                        SELECT p.* FROM return_parcel p JOIN return_case c ON c.case_id = p.case_id
                        WHERE c.status IN ('AWAITING_RETURN', 'AWAITING_BUYER') AND p.refund_at IS NULL
                        ORDER BY p.updated_at, p.case_id LIMIT :limit""")
                .param("limit", limit)
                .query(ReturnParcels::row)
                .list();
    }

    /**
     * The parcel reached {@code moment} at {@code at} (an earlier record of the same moment stays); said on the
     * timeline the first time. Returns whether it was new. A case without a return parcel changes nothing.
     */
    public boolean reached(String caseId, RefundMoment moment, Instant at, String code, String detail, String source) {
        int rows = jdbc.sql("UPDATE return_parcel SET " + moment.column() + " = :at, last_code = COALESCE(:code,"
                        + " last_code), last_detail = COALESCE(:detail, last_detail), updated_at = :now"
                        + " WHERE case_id = :caseId AND " + moment.column() + " IS NULL")
                .param("at", Timestamp.from(at))
                .param("code", code)
                .param("detail", detail)
                .param("now", Timestamp.from(clock.instant()))
                .param("caseId", caseId)
                .update();
        if (rows > 0) {
            cases.record(caseId, source, "RETURN_" + moment.name(), "Return parcel reached " + moment.setting()
                    + " at " + at + (code == null ? "" : " ('" + code + "')")
                    + (detail == null || detail.isBlank() ? "" : ": " + detail), moment.name());
        }
        return rows > 0;
    }

    /** Tracking was read: the latest code, even when it is no new moment. */
    public void seen(String caseId, String code, String detail) {
        jdbc.sql("UPDATE return_parcel SET last_code = :code, last_detail = :detail, updated_at = :now"
                        + " WHERE case_id = :caseId")
                .param("code", code)
                .param("detail", detail)
                .param("now", Timestamp.from(clock.instant()))
                .param("caseId", caseId)
                .update();
    }

    /** The refund went out at this moment: the parcel is no longer swept. */
    public void refunded(String caseId, RefundMoment moment) {
        jdbc.sql("UPDATE return_parcel SET refund_moment = :moment, refund_at = :now, updated_at = :now"
                        + " WHERE case_id = :caseId AND refund_at IS NULL")
                .param("moment", moment.setting())
                .param("now", Timestamp.from(clock.instant()))
                .param("caseId", caseId)
                .update();
    }

    /** The return was forecast to a forwarder's return warehouse (4PX GRS) under this RMA number. */
    public void forecast(String caseId, String forwarder, String rmaNo, String status) {
        cases.record(caseId, "forwarder " + forwarder, "RETURN_FORECAST", "Return forecast to the return warehouse of "
                + forwarder + " as RMA " + rmaNo, status);
        rmaStatus(caseId, forwarder, rmaNo, status);
    }

    /** The warehouse's latest status of the return's RMA. */
    public void rmaStatus(String caseId, String forwarder, String rmaNo, String status) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE return_parcel SET rma_forwarder = :forwarder, rma_no = :rmaNo, rma_status = :status,
                               rma_checked_at = :now, updated_at = :now
                        WHERE case_id = :caseId""")
                .param("forwarder", forwarder)
                .param("rmaNo", rmaNo)
                .param("status", status)
                .param("now", now)
                .param("caseId", caseId)
                .update();
    }

    private static ReturnParcel row(ResultSet rs, int n) throws SQLException {
        return new ReturnParcel(rs.getString("case_id"), rs.getString("number"), rs.getString("carrier"),
                rs.getString("source"), instant(rs.getTimestamp("attached_at")),
                instant(rs.getTimestamp("first_scan_at")), instant(rs.getTimestamp("delivered_at")),
                instant(rs.getTimestamp("received_at")), rs.getString("last_code"), rs.getString("refund_moment"),
                rs.getString("rma_forwarder"), rs.getString("rma_no"), rs.getString("rma_status"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package com.returnsgateway.core.waits;

import com.returnsgateway.core.cases.CaseMoved;
import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ShipmentRef;
import com.returnsgateway.core.model.ShipmentState;
import com.returnsgateway.core.shipment.ShipmentLookup;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timers of waiting cases, stored on the case (V9_1__waits.sql) so that a restart resumes them: set when a case
 * enters a wait, claimed by the waits sweep when due (routes/waits.camel.yaml), and brought forward to now when news
 * of the parcel arrives (a tracking push, a status file).
 */
@Component
public class WaitingCases {

    private static final Logger log = LoggerFactory.getLogger(WaitingCases.class);
    /** Cases taken per sweep; the rest are taken by the next one. */
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final CaseRepository repository;
    private final ShipmentLookup lookup;
    private final WaitSettings settings;
    private final Clock clock;

    public WaitingCases(JdbcClient jdbc, CaseRepository repository, ShipmentLookup lookup, WaitSettings settings,
                        Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.lookup = lookup;
        this.settings = settings;
        this.clock = clock;
    }

    /** A status change starts the timer of the wait the case enters, or ends the one it leaves. */
    @EventListener
    public void moved(CaseMoved moved) {
        // most moves are neither into nor out of a wait: nothing to start or end, nothing to read or write
        if (!isWait(moved.from()) && !isWait(moved.to())) {
            return;
        }
        Optional<ReturnCase> waiting = isWait(moved.to()) ? repository.find(moved.caseId()) : Optional.empty();
        Optional<WaitKind> kind = waiting.flatMap(returnCase -> kindOf(moved.to(), returnCase.shipmentState()));
        if (kind.isEmpty()) {
            jdbc.sql("""
                            UPDATE return_case SET wait_kind = NULL, follow_up_at = NULL
                            WHERE case_id = :id AND (wait_kind IS NOT NULL OR follow_up_at IS NOT NULL)""")
                    .param("id", moved.caseId())
                    .update();
            return;
        }
        ReturnCase returnCase = waiting.orElseThrow();
        Instant at = moved.at();
        Instant firstLook = switch (kind.get()) {
            case PARCEL_IN_TRANSIT -> at.plus(settings.followUpFirst());
            case BUYER_RETURN -> at.plus(settings.returnReminderAfter());
            case BACK_TO_SENDER -> at.plus(settings.returnWindow());
        };
        Optional<ShipmentRef> parcel = lookup.find(returnCase.request());
        jdbc.sql("""
                        UPDATE return_case SET wait_kind = :kind, waiting_since = :at, follow_up_at = :followUp,
                               reminder_sent_at = NULL, limit_task_at = NULL,
                               parcel_forwarder = :forwarder, parcel_waybill = :waybill, parcel_last_mile = :lastMile
                        WHERE case_id = :id""")
                .param("kind", kind.get().name())
                .param("at", Timestamp.from(at))
                .param("followUp", Timestamp.from(firstLook))
                .param("forwarder", parcel.map(ShipmentRef::forwarder).orElse(null))
                .param("waybill", parcel.map(ShipmentRef::waybill).orElse(null))
                .param("lastMile", parcel.filter(ShipmentRef::hasLastMile).map(ShipmentRef::lastMileNumber).orElse(null))
                .param("id", moved.caseId())
                .update();
    }

    /** The statuses in which a case may wait (and have a wait timer, set only here). */
    private static boolean isWait(CaseStatus status) {
        return status == CaseStatus.AWAITING_BUYER || status == CaseStatus.AWAITING_RETURN;
    }

    /** The wait a status means, told apart by where the outbound parcel was when the case entered it. */
    static Optional<WaitKind> kindOf(CaseStatus status, ShipmentState parcel) {
        if (status == CaseStatus.AWAITING_BUYER
                && (parcel == ShipmentState.IN_TRANSIT || parcel == ShipmentState.OUT_FOR_DELIVERY)) {
            return Optional.of(WaitKind.PARCEL_IN_TRANSIT);
        }
        if (status == CaseStatus.AWAITING_RETURN) {
            return Optional.of(parcel == ShipmentState.DELIVERED ? WaitKind.BUYER_RETURN : WaitKind.BACK_TO_SENDER);
        }
        return Optional.empty();
    }

    /** News of a last-mile number: its waiting cases are looked at by the next sweep. */
    public int wakeLastMile(String number) {
        int woken = jdbc.sql("""
                        UPDATE return_case SET follow_up_at = :now
                        WHERE status = 'AWAITING_BUYER' AND wait_kind = 'PARCEL_IN_TRANSIT'
                          AND (parcel_last_mile = :number OR request->'shipment'->>'lastMileNumber' = :number)""")
                .param("now", Timestamp.from(clock.instant()))
                .param("number", number)
                .update();
        if (woken > 0) {
            log.info("Last-mile number {} changed: {} waiting case(s) looked at now", number, woken);
        }
        return woken;
    }

    /** News of a forwarder's waybill (a status file): its waiting cases are looked at by the next sweep. */
    public int wakeWaybill(String forwarder, String waybill) {
        int woken = jdbc.sql("""
                        UPDATE return_case SET follow_up_at = :now
                        WHERE status = 'AWAITING_BUYER' AND wait_kind = 'PARCEL_IN_TRANSIT'
                          AND parcel_forwarder = :forwarder AND parcel_waybill = :waybill""")
                .param("now", Timestamp.from(clock.instant()))
                .param("forwarder", forwarder)
                .param("waybill", waybill)
                .update();
        if (woken > 0) {
            log.info("Waybill {} of {} changed: {} waiting case(s) looked at now", waybill, forwarder, woken);
        }
        return woken;
    }

    /** Due cases whose parcel is in transit, claimed for {@code gateway.waits.claim} (no other sweep takes them). */
    public List<String> dueInTransit() {
        return claimDue("status = 'AWAITING_BUYER' AND wait_kind = 'PARCEL_IN_TRANSIT'");
    }

    /** Due cases waiting for a parcel to come back (the buyer's return, or one returning to the sender). */
    public List<String> dueReturns() {
        return claimDue("status = 'AWAITING_RETURN' AND wait_kind IN ('BUYER_RETURN', 'BACK_TO_SENDER')");
    }

    private List<String> claimDue(String condition) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE return_case SET follow_up_at = :claimedUntil
                        WHERE case_id IN (
                            SELECT case_id FROM return_case
                            WHERE %s AND follow_up_at <= :now
                            ORDER BY follow_up_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING case_id""".formatted(condition))
                .param("claimedUntil", Timestamp.from(now.plus(settings.claim())))
                .param("now", Timestamp.from(now))
                .param("limit", BATCH)
                .query(String.class)
                .list();
    }

    /** The stored timers of a waiting case. */
    public record Wait(String caseId, WaitKind kind, Instant since, Instant reminderSentAt, Instant limitTaskAt,
                       String forwarder, String waybill) {
    }

    public Optional<Wait> find(String caseId) {
        return jdbc.sql("""
                        SELECT case_id, wait_kind, waiting_since, reminder_sent_at, limit_task_at, parcel_forwarder,
                               parcel_waybill
                        FROM return_case WHERE case_id = :id AND wait_kind IS NOT NULL""")
                .param("id", caseId)
                .query((rs, n) -> new Wait(rs.getString("case_id"), WaitKind.valueOf(rs.getString("wait_kind")),
                        instant(rs.getTimestamp("waiting_since")), instant(rs.getTimestamp("reminder_sent_at")),
                        instant(rs.getTimestamp("limit_task_at")), rs.getString("parcel_forwarder"),
                        rs.getString("parcel_waybill")))
                .optional();
    }

    /** Sets when the sweep looks at the case next; null: never again by itself (its wait has nothing left to do). */
    public void followUpAt(String caseId, Instant at) {
        jdbc.sql("UPDATE return_case SET follow_up_at = :at WHERE case_id = :id")
                .param("at", at == null ? null : Timestamp.from(at))
                .param("id", caseId)
                .update();
    }

    public void reminderSent(String caseId) {
        stamp(caseId, "reminder_sent_at");
    }

    public void limitTaskSent(String caseId) {
        stamp(caseId, "limit_task_at");
    }

    public void closedUnreturned(String caseId) {
        stamp(caseId, "unreturned_closed_at");
    }

    private void stamp(String caseId, String column) {
        jdbc.sql("UPDATE return_case SET " + column + " = :now WHERE case_id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", caseId)
                .update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package com.returnsgateway.core.cases;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentState;
import com.returnsgateway.core.model.TimelineEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Cases and their timelines in PostgreSQL. */
@Repository
public class CaseRepository {

    private static final String CASE_COLUMNS = """
            case_id, request::text AS request, status, shipment_state, forwarder_code, status_reason, resume_status,
            attempts, next_attempt_at, created_at, updated_at""";

    /** Parsed requests kept for the cases read most recently; see {@link #request}. */
    private static final int PARSED_REQUESTS = 4096;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, ParsedRequest> parsed = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ParsedRequest> eldest) {
                    return size() > PARSED_REQUESTS;
                }
            });

    private record ParsedRequest(String text, ReturnRequest request) {
    }

    public CaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the case unless (marketplace, returnId) is already known; returns the case id that holds it. */
    public InsertResult insertIfNew(String caseId, ReturnRequest request, Instant now) {
        Optional<String> inserted = jdbc.sql("""
                        INSERT INTO return_case (case_id, marketplace, return_id, order_id, request, status, phase,
                                                 next_attempt_at, created_at, updated_at)
                        VALUES (:caseId, :marketplace, :returnId, :orderId, CAST(:request AS jsonb), :status, :phase,
                                :now, :now, :now)
                        ON CONFLICT (marketplace, return_id) DO NOTHING
                        RETURNING case_id""")
                .param("caseId", caseId)
                .param("marketplace", request.marketplace())
                .param("returnId", request.returnId())
                .param("orderId", request.orderId())
                .param("request", json.writeValueAsString(request))
                .param("status", CaseStatus.RECEIVED.name())
                .param("phase", CaseStatus.RECEIVED.phase().name())
                .param("now", Timestamp.from(now))
                .query(String.class)
                .optional();
        if (inserted.isPresent()) {
            return new InsertResult(inserted.get(), true);
        }
        String existing = jdbc.sql("SELECT case_id FROM return_case WHERE marketplace = :m AND return_id = :r")
                .param("m", request.marketplace())
                .param("r", request.returnId())
                .query(String.class)
                .single();
        return new InsertResult(existing, false);
    }

    public record InsertResult(String caseId, boolean created) {
    }

    /** The case opened for this marketplace's return, if any (the de-duplication key). */
    public Optional<String> findCaseId(String marketplace, String returnId) {
        return jdbc.sql("SELECT case_id FROM return_case WHERE marketplace = :marketplace AND return_id = :returnId")
                .param("marketplace", marketplace)
                .param("returnId", returnId)
                .query(String.class)
                .optional();
    }

    /** Adds a flag operators should see (e.g. BUYER_EMAIL_FALLBACK); a flag set twice is kept once. */
    public void addFlag(String caseId, String flag) {
        jdbc.sql("""
                        UPDATE return_case SET flags = array_append(flags, :flag)
                        WHERE case_id = :id AND NOT (:flag = ANY (flags))""")
                .param("flag", flag)
                .param("id", caseId)
                .update();
    }

    public List<String> flags(String caseId) {
        return jdbc.sql("SELECT unnest(flags) FROM return_case WHERE case_id = :id")
                .param("id", caseId)
                .query(String.class)
                .list();
    }

    public Optional<ReturnCase> find(String caseId) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM return_case WHERE case_id = :id")
                .param("id", caseId)
                .query(this::mapCase)
                .optional();
    }

    /** Moves a case from one status to another; false when the case was not in {@code from} any more. */
    public boolean updateStatus(String caseId, CaseStatus from, CaseStatus to, String reason, CaseStatus resumeStatus,
                                Instant now) {
        return moveStatus(caseId, from, to, reason, resumeStatus, now).isPresent();
    }

    /** {@link #updateStatus}, and the case as it is then (one statement); empty when it was not in {@code from}. */
    public Optional<ReturnCase> moveStatus(String caseId, CaseStatus from, CaseStatus to, String reason,
                                           CaseStatus resumeStatus, Instant now) {
        return jdbc.sql("""
                        UPDATE return_case SET status = :to, phase = :phase, status_reason = :reason,
                               resume_status = :resume, attempts = 0, next_attempt_at = :now, updated_at = :now
                        WHERE case_id = :id AND status = :from
                        RETURNING\s""" + CASE_COLUMNS)
                .param("to", to.name())
                .param("phase", to.phase().name())
                .param("reason", reason)
                .param("resume", resumeStatus == null ? null : resumeStatus.name())
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .param("from", from.name())
                .query(this::mapCase)
                .optional();
    }

    public void recordShipmentState(String caseId, ShipmentState state, String forwarderCode, Instant now) {
        jdbc.sql("""
                        UPDATE return_case SET shipment_state = :state, forwarder_code = :code, updated_at = :now
                        WHERE case_id = :id""")
                .param("state", state.name())
                .param("code", forwarderCode)
                .param("now", Timestamp.from(now))
                .param("id", caseId)
                .update();
    }

    public void addEvent(String caseId, TimelineEvent event) {
        jdbc.sql("""
                        INSERT INTO case_event (case_id, at, actor, type, message, outcome)
                        VALUES (:id, :at, :actor, :type, :message, :outcome)""")
                .param("id", caseId)
                .param("at", Timestamp.from(event.at()))
                .param("actor", event.actor())
                .param("type", event.type())
                .param("message", event.message())
                .param("outcome", event.outcome())
                .update();
    }

    public List<TimelineEvent> timeline(String caseId) {
        return jdbc.sql("SELECT at, actor, type, message, outcome FROM case_event WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> new TimelineEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("type"), rs.getString("message"), rs.getString("outcome")))
                .list();
    }

    /**
     * Claims up to {@code limit} ACTIVE cases that are due and not leased by a live instance, each under a new token.
     * SKIP LOCKED lets several instances claim at once without ever taking the same case.
     */
    public List<Claim> claimDue(String instanceId, Duration lease, int limit, Instant now) {
        return jdbc.sql("""
                        UPDATE return_case SET claimed_by = :instance, claim_until = :until,
                               claim_token = gen_random_uuid()::text
                        WHERE case_id IN (
                            SELECT case_id FROM return_case
                            WHERE phase = 'ACTIVE' AND next_attempt_at <= :now
                              AND (claim_until IS NULL OR claim_until < :now)
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING case_id, claim_token""")
                .param("instance", instanceId)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Claim(rs.getString("case_id"), rs.getString("claim_token")))
                .list();
    }

    /**
     * Extends the claim's lease; false when the case was claimed again since (this claim's lease ran out and another
     * worker took it), so this worker must leave the case alone.
     */
    public boolean renew(Claim claim, Duration lease, Instant now) {
        return jdbc.sql("UPDATE return_case SET claim_until = :until WHERE case_id = :id AND claim_token = :token")
                .param("until", Timestamp.from(now.plus(lease)))
                .param("id", claim.caseId())
                .param("token", claim.token())
                .update() == 1;
    }

    /**
     * Extends the claim's lease and reads the case in one statement; empty when the case was claimed again since. A
     * worker does this before every step.
     */
    public Optional<ReturnCase> renewAndFind(Claim claim, Duration lease, Instant now) {
        return jdbc.sql("UPDATE return_case SET claim_until = :until WHERE case_id = :id AND claim_token = :token"
                        + " RETURNING " + CASE_COLUMNS)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("id", claim.caseId())
                .param("token", claim.token())
                .query(this::mapCase)
                .optional();
    }

    /** Gives the claim back, unless the case was claimed again since. */
    public void release(Claim claim) {
        jdbc.sql("""
                        UPDATE return_case SET claimed_by = NULL, claim_until = NULL, claim_token = NULL
                        WHERE case_id = :id AND claim_token = :token""")
                .param("id", claim.caseId())
                .param("token", claim.token())
                .update();
    }

    public int releaseAll(String instanceId) {
        return jdbc.sql("""
                        UPDATE return_case SET claimed_by = NULL, claim_until = NULL, claim_token = NULL
                        WHERE claimed_by = :instance""")
                .param("instance", instanceId)
                .update();
    }

    /**
     * Leaves the case where it is, asks for another attempt later and gives the claim back: the next attempt time
     * lives here, not in memory. False (and nothing changed) when the case was claimed again since.
     */
    public boolean scheduleRetry(Claim claim, int attempts, Instant nextAttemptAt, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE return_case SET attempts = :attempts, next_attempt_at = :next, status_reason = :reason,
                               claimed_by = NULL, claim_until = NULL, claim_token = NULL, updated_at = :now
                        WHERE case_id = :id AND claim_token = :token""")
                .param("attempts", attempts)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("id", claim.caseId())
                .param("token", claim.token())
                .update() == 1;
    }

    public CasePage search(CaseFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.phase() != null) {
            where.append(" AND phase = ?");
            args.add(filter.phase().name());
        }
        if (filter.marketplace() != null) {
            where.append(" AND marketplace = ?");
            args.add(filter.marketplace());
        }
        if (filter.orderId() != null) {
            where.append(" AND order_id = ?");
            args.add(filter.orderId());
        }
        if (filter.forwarder() != null) {
            // forwarder_code is the forwarder's status code; the forwarder is the parcel's, as found or as requested
            where.append(" AND COALESCE(parcel_forwarder, request->'shipment'->>'forwarder',"
                    + " (SELECT forwarder FROM intercept_request i WHERE i.case_id = return_case.case_id)) = ?");
            args.add(filter.forwarder());
        }
        if (filter.reason() != null) {
            where.append(" AND request->>'reason' = ?");
            args.add(filter.reason());
        }
        if (filter.createdFrom() != null) {
            where.append(" AND created_at >= ?");
            args.add(Timestamp.from(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            where.append(" AND created_at < ?");
            args.add(Timestamp.from(filter.createdTo()));
        }
        if (filter.text() != null) {
            // ids exactly (indexed); waybills as stored on the case, the request or the intercept; names in part
            where.append(" AND (case_id = ? OR return_id = ? OR order_id = ? OR parcel_waybill = ?"
                    + " OR request->'shipment'->>'waybill' = ?"
                    + " OR case_id IN (SELECT case_id FROM intercept_request WHERE waybill = ?)"
                    + " OR request->'buyer'->>'name' ILIKE ? ESCAPE '\\')");
            for (int i = 0; i < 6; i++) {
                args.add(filter.text());
            }
            args.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM return_case" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ReturnCase> cases = jdbc.sql("SELECT " + CASE_COLUMNS + " FROM return_case" + where
                        + " ORDER BY created_at DESC, case_id LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query(this::mapCase)
                .list();
        return new CasePage(cases, page, size, total);
    }

    /**
     * The request as stored, parsed once per case and text: a case is read before each of its steps, and parsing its
     * request each time was about a tenth of the gateway's CPU per case. A changed text (buyer data erased) is parsed
     * again.
     */
    private ReturnRequest request(String caseId, String text) {
        ParsedRequest cached = parsed.get(caseId);
        if (cached != null && cached.text().equals(text)) {
            return cached.request();
        }
        ReturnRequest request = json.readValue(text, ReturnRequest.class);
        parsed.put(caseId, new ParsedRequest(text, request));
        return request;
    }

    private ReturnCase mapCase(ResultSet rs, int row) throws SQLException {
        String shipmentState = rs.getString("shipment_state");
        String resume = rs.getString("resume_status");
        return new ReturnCase(
                rs.getString("case_id"),
                request(rs.getString("case_id"), rs.getString("request")),
                CaseStatus.valueOf(rs.getString("status")),
                shipmentState == null ? null : ShipmentState.valueOf(shipmentState),
                rs.getString("forwarder_code"),
                rs.getString("status_reason"),
                resume == null ? null : CaseStatus.valueOf(resume),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package com.returnsgateway.core.intercept;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.FORWARDER;
import static com.returnsgateway.core.RouteVariables.INTERCEPT_OUTCOME;
import static com.returnsgateway.core.RouteVariables.PHASE;
import static com.returnsgateway.core.RouteVariables.REVIEW_REASON;
import static com.returnsgateway.core.RouteVariables.STATUS;
import static com.returnsgateway.core.RouteVariables.WAYBILL;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intercept.InterceptRepository.InterceptRecord;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.IdempotencyKey;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.port.ForwarderPort.InterceptAnswer;
import com.returnsgateway.core.port.ForwarderPort.InterceptRequest;
import com.returnsgateway.core.port.Forwarders;
import com.returnsgateway.core.shipment.ShipmentLookup;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intercept step. The request and its idempotency key (from the return's identity, {@link IdempotencyKey}) are
 * stored before the first call; an outcome once known is never asked for again, and every re-send carries the same key.
 */
@Component
public class InterceptSteps {

    static final String REASON = "Buyer requested a return before dispatch";

    private final Cases cases;
    private final InterceptRepository intercepts;
    private final ShipmentLookup lookup;
    private final Forwarders forwarders;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public InterceptSteps(Cases cases, InterceptRepository intercepts, ShipmentLookup lookup, Forwarders forwarders,
                          TransactionTemplate transaction, Clock clock) {
        this.cases = cases;
        this.intercepts = intercepts;
        this.lookup = lookup;
        this.forwarders = forwarders;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether the parcel's forwarder can be asked by API to stop it (Yanwen publishes no such API). */
    public boolean possibleByApi(@Variable(CASE_ID) String caseId) {
        ReturnCase returnCase = cases.get(caseId);
        var shipment = lookup.find(returnCase.request()).orElseThrow();
        return forwarders.of(shipment.forwarder()).abilities().intercept();
    }

    /** Sets {@code reviewReason}: operations are asked to call the forwarder, since no API can stop the parcel. */
    public void explainNoInterceptApi(@Variable(CASE_ID) String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        var shipment = lookup.find(returnCase.request()).orElseThrow();
        exchange.setVariable(REVIEW_REASON, "Parcel " + shipment.waybill() + " is still at forwarder "
                + shipment.forwarder() + ", which cannot be asked by API to stop a parcel: call or message "
                + shipment.forwarder() + " to hold it, then refund in full if it was stopped, or handle the return "
                + "as in transit if not");
    }

    @Transactional
    public void plan(@Variable(CASE_ID) String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        var shipment = lookup.find(returnCase.request()).orElseThrow();
        intercepts.insertIfAbsent(caseId, IdempotencyKey.of(returnCase.marketplace(), returnCase.request().returnId(),
                IdempotencyKey.Purpose.INTERCEPT), shipment.forwarder(), shipment.waybill(), clock.instant());
        ReturnCase moved = cases.moveTo(caseId, CaseStatus.INTERCEPT_REQUESTED,
                "Parcel still at forwarder " + shipment.forwarder() + ": intercept of " + shipment.waybill() + " requested");
        cases.publish(CaseEvent.of(caseId, CaseEvent.Type.INTERCEPT_REQUESTED, clock.instant(),
                "marketplace", returnCase.marketplace(), "forwarder", shipment.forwarder(),
                "waybill", shipment.waybill(), "status", moved.status().name()));
        exchange.setVariable(STATUS, moved.status().name());
        exchange.setVariable(PHASE, moved.phase().name());
    }

    /** Sets {@code forwarder}, {@code waybill}, and {@code interceptOutcome} when the forwarder already answered. */
    public void load(@Variable(CASE_ID) String caseId, Exchange exchange) {
        InterceptRecord record = stored(caseId);
        exchange.setVariable(FORWARDER, record.forwarder());
        exchange.setVariable(WAYBILL, record.waybill());
        exchange.setVariable(INTERCEPT_OUTCOME, record.outcome() == null ? null : record.outcome().result().name());
    }

    /**
     * Asks the forwarder's adapter with the stored key. An answer sets {@code interceptOutcome}; a forwarder that
     * answers later (a file) leaves the case waiting in AWAITING_FORWARDER.
     */
    public void send(@Variable(CASE_ID) String caseId, Exchange exchange) {
        InterceptRecord record = stored(caseId);
        String forwarder = record.forwarder();
        ForwarderPort adapter = forwarders.of(forwarder);
        InterceptAnswer answer = adapter.intercept(forwarder,
                new InterceptRequest(caseId, record.waybill(), record.idempotencyKey(), REASON));
        if (answer.pending()) {
            if (adapter.abilities().answer() == ForwarderPort.Answer.POLLED) {
                // a file's deadline starts when the file is uploaded; a polled answer's when the call was taken
                intercepts.markDelivered(caseId, clock.instant());
            }
            cases.moveTo(caseId, CaseStatus.AWAITING_FORWARDER, "Intercept of " + record.waybill() + " "
                    + answer.awaiting());
            return;
        }
        recordAnswer(record, answer.outcome());
        exchange.setVariable(INTERCEPT_OUTCOME, answer.outcome().result().name());
    }

    /**
     * Stores the forwarder's answer on the intercept request and the case's timeline, and tells of the first answer
     * ({@link CaseEvent}), all in one transaction.
     */
    void recordAnswer(InterceptRecord record, InterceptOutcome outcome) {
        transaction.executeWithoutResult(tx -> {
            boolean first = intercepts.recordOutcome(record.caseId(), outcome, clock.instant());
            cases.record(record.caseId(), "forwarder " + record.forwarder(), "INTERCEPT",
                    "Intercept of " + record.waybill() + " " + outcome.result()
                            + (outcome.code() == null ? "" : " (" + outcome.code() + ": " + outcome.message() + ")"),
                    outcome.result().name());
            if (first) {
                cases.publish(answered(record.caseId(), cases.get(record.caseId()).marketplace(), record.forwarder(),
                        record.waybill(), outcome.result(), outcome.code(), outcome.message(), clock.instant()));
            }
        });
    }

    /** The event of a forwarder's answer to an intercept request, however it came (a call, a polled hold, a file). */
    public static CaseEvent answered(String caseId, String marketplace, String forwarder, String waybill,
                                     InterceptOutcome.Result result, String code, String message,
                                     Instant at) {
        String reason = code == null ? message : message == null ? code : code + ": " + message;
        return CaseEvent.of(caseId, result == InterceptOutcome.Result.ACCEPTED ? CaseEvent.Type.INTERCEPT_ACCEPTED
                        : CaseEvent.Type.INTERCEPT_REJECTED, at,
                "marketplace", marketplace, "forwarder", forwarder, "waybill", waybill, "reason", reason);
    }

    private InterceptRecord stored(String caseId) {
        return intercepts.find(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no stored intercept request"));
    }
}

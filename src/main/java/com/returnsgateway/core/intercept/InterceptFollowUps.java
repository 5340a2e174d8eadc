package com.returnsgateway.core.intercept;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.REVIEW_REASON;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.intercept.InterceptRepository.InterceptRecord;
import com.returnsgateway.core.logging.CaseLogContext;
import com.returnsgateway.core.logging.PiiMask;
import com.returnsgateway.core.mail.OperationsAlerts;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.port.ForwarderPort.InterceptAnswer;
import com.returnsgateway.core.port.ForwarderPort.InterceptRequest;
import com.returnsgateway.core.port.Forwarders;
import com.returnsgateway.core.remote.RemoteCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases waiting in AWAITING_FORWARDER for an intercept answer that comes later (routes/intercept.camel.yaml,
 * {@code intercept-follow-up}): an answer stored meanwhile (a result file, also one that arrived just before a crash)
 * wakes its case; a forwarder whose answer is polled (4PX's hold) is asked again; a case past its forwarder's answer
 * deadline goes to operations.
 */
@Component
public class InterceptFollowUps {

    private static final Logger log = LoggerFactory.getLogger(InterceptFollowUps.class);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final InterceptRepository intercepts;
    private final InterceptSteps steps;
    private final Forwarders forwarders;
    private final OperationsAlerts alerts;
    private final Clock clock;

    public InterceptFollowUps(JdbcClient jdbc, Cases cases, InterceptRepository intercepts, InterceptSteps steps,
                              Forwarders forwarders, OperationsAlerts alerts, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.intercepts = intercepts;
        this.steps = steps;
        this.forwarders = forwarders;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Cases whose forwarder answered meanwhile go on. */
    public int resumeAnswered() {
        List<String> answered = jdbc.sql("""
                        SELECT c.case_id FROM return_case c JOIN intercept_request i ON i.case_id = c.case_id
                        WHERE c.status = 'AWAITING_FORWARDER' AND i.outcome IS NOT NULL""")
                .query(String.class)
                .list();
        for (String caseId : answered) {
            try (CaseLogContext.Scope inCase = CaseLogContext.open(caseId)) {
                resume(caseId, "the forwarder's answer");
            }
        }
        return answered.size();
    }

    /** Waiting cases of forwarders whose answer is asked for ({@link ForwarderPort.Answer#POLLED}). */
    public List<String> polled() {
        List<String> polled = new ArrayList<>();
        jdbc.sql("""
                        SELECT c.case_id, i.forwarder FROM return_case c JOIN intercept_request i ON i.case_id = c.case_id
                        WHERE c.status = 'AWAITING_FORWARDER' AND i.outcome IS NULL
                        ORDER BY i.created_at""")
                .query((rs, n) -> {
                    String forwarder = rs.getString("forwarder");
                    if (forwarders.isConfigured(forwarder)
                            && forwarders.of(forwarder).abilities().answer() == ForwarderPort.Answer.POLLED) {
                        polled.add(rs.getString("case_id"));
                    }
                    return null;
                })
                .list();
        return polled;
    }

    /**
     * Asks the forwarder whether the intercept sent earlier succeeded; an answer is stored and wakes the case. A
     * failure leaves the case waiting (its deadline still runs); refused credentials set the alert* variables the
     * first time they are seen.
     */
    public void followUp(@Variable(CASE_ID) String caseId, Exchange exchange) {
        InterceptRecord record = intercepts.find(caseId).orElse(null);
        if (record == null || record.outcome() != null) {
            return;
        }
        String forwarder = record.forwarder();
        InterceptAnswer answer;
        try {
            answer = forwarders.of(forwarder).followUp(forwarder,
                    new InterceptRequest(caseId, record.waybill(), record.idempotencyKey(), InterceptSteps.REASON));
        } catch (RemoteCallException e) {
            log.warn("Case {}: asking {} about the intercept of {} failed, asked again at the next follow-up: {}",
                    caseId, forwarder, record.waybill(), PiiMask.mask(e.getMessage()));
            if (e.refusedCredentialsOf() != null) {
                alerts.credentialsRefused(e, e.getMessage() + "\n\nCases waiting for its intercept answers keep "
                        + "waiting until their deadline", exchange);
            }
            return;
        }
        if (answer.pending()) {
            return;
        }
        steps.recordAnswer(record, answer.outcome());
        resume(caseId, forwarder + "'s answer");
    }

    private void resume(String caseId, String source) {
        if (cases.get(caseId).status() == CaseStatus.AWAITING_FORWARDER) {
            cases.moveTo(caseId, CaseStatus.INTERCEPT_REQUESTED, "Intercept answer received: " + source);
        }
    }

    /** Waiting cases whose request reached the forwarder longer ago than its answer deadline. */
    public List<String> overdue() {
        List<String> overdue = new ArrayList<>();
        Instant now = clock.instant();
        jdbc.sql("""
                        SELECT c.case_id, i.forwarder, i.written_at FROM return_case c
                        JOIN intercept_request i ON i.case_id = c.case_id
                        WHERE c.status = 'AWAITING_FORWARDER' AND i.outcome IS NULL AND i.written_at IS NOT NULL""")
                .query((rs, n) -> {
                    Instant written = rs.getTimestamp("written_at").toInstant();
                    if (written.plus(deadlineOf(rs.getString("forwarder"))).isBefore(now)) {
                        overdue.add(rs.getString("case_id"));
                    }
                    return null;
                })
                .list();
        return overdue;
    }

    /** Sets {@code reviewReason} for a case whose forwarder did not answer in time. */
    public void explainOverdue(@Variable(CASE_ID) String caseId, Exchange exchange) {
        var row = jdbc.sql("SELECT forwarder, waybill, file_name FROM intercept_request WHERE case_id = :id")
                .param("id", caseId)
                .query()
                .singleRow();
        String forwarder = (String) row.get("forwarder");
        Object file = row.get("file_name");
        exchange.setVariable(REVIEW_REASON, "No answer from " + forwarder + " to the intercept request for "
                + row.get("waybill") + (file == null ? "" : " (" + file + ")") + " within " + deadlineOf(forwarder)
                + ": check with the forwarder whether the parcel was stopped; the buyer was told the refund is being handled");
    }

    private Duration deadlineOf(String forwarder) {
        // a forwarder no longer configured: its cases still wait, with the port's default deadline
        return forwarders.isConfigured(forwarder) ? forwarders.of(forwarder).answerDeadline(forwarder)
                : Duration.ofMinutes(30);
    }
}

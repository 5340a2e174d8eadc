package com.returnsgateway.core.cases;

import com.returnsgateway.core.logging.PiiMask;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.TimelineEvent;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case lifecycle: every status change is checked against the allowed transitions and written to the timeline. */
@Service
public class Cases {

    private static final Logger log = LoggerFactory.getLogger(Cases.class);

    private final CaseRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    @Autowired
    public Cases(CaseRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    /** Without listeners to tell of a move (plain unit tests). */
    public Cases(CaseRepository repository, Clock clock) {
        this(repository, clock, event -> { });
    }

    public ReturnCase get(String caseId) {
        return repository.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Transactional
    public ReturnCase moveTo(String caseId, CaseStatus target, String message) {
        ReturnCase current = get(caseId);
        return move(current, target, message, null);
    }

    /** Parks the case for an operator, remembering where it stopped so a retry resumes there. */
    @Transactional
    public ReturnCase sendToManualReview(String caseId, String reason) {
        ReturnCase current = get(caseId);
        if (current.status() == CaseStatus.MANUAL_REVIEW) {
            return current;
        }
        return move(current, CaseStatus.MANUAL_REVIEW, reason, current.status());
    }

    /** An operator's retry: back to where the case stopped, or from the shipment check when it was waiting. */
    @Transactional
    public ReturnCase retry(String caseId, String actor) {
        ReturnCase current = get(caseId);
        CaseStatus target = switch (current.status()) {
            // before any side effect, a retry asks the forwarder again; after one, it resumes that step with its key
            case MANUAL_REVIEW -> current.resumeStatus() == CaseStatus.INTERCEPT_REQUESTED
                    || current.resumeStatus() == CaseStatus.REFUND_PENDING
                    ? current.resumeStatus() : CaseStatus.RECEIVED;
            case AWAITING_BUYER, AWAITING_RETURN -> CaseStatus.RECEIVED;
            default -> throw new IllegalTransitionException(current.caseId(), current.status(), CaseStatus.RECEIVED,
                    "only cases in MANUAL_REVIEW, AWAITING_BUYER or AWAITING_RETURN can be retried");
        };
        repository.addEvent(caseId, new TimelineEvent(clock.instant(), actor, "RETRY",
                "Retry requested; resuming at " + target, null));
        return move(current, target, "Resumed by " + actor, null);
    }

    /**
     * An operator closes the case with a reason (a duplicate, settled outside the gateway, fraud): nothing more is
     * sent or refunded for it. Only where the lifecycle allows CLOSED (a waiting case, manual review, a settled one).
     */
    @Transactional
    public ReturnCase close(String caseId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is needed to close a case");
        }
        ReturnCase current = get(caseId);
        if (!current.status().canMoveTo(CaseStatus.CLOSED)) {
            throw new IllegalTransitionException(caseId, current.status(), CaseStatus.CLOSED,
                    "a case being worked on cannot be closed: wait until it waits or is done");
        }
        repository.addEvent(caseId, new TimelineEvent(clock.instant(), actor, "CLOSE",
                "Closed by " + actor + ": " + reason.strip(), null));
        return move(current, CaseStatus.CLOSED, "Closed by " + actor + ": " + reason.strip(), null);
    }

    public void record(String caseId, String actor, String type, String message, String outcome) {
        repository.addEvent(caseId, new TimelineEvent(clock.instant(), actor, type, message, outcome));
    }

    /**
     * Tells the listeners (the webhook outbox, the metrics) what the case went through. Call it inside the transaction
     * of the change it tells of: the outbox writes its rows there, so they commit or roll back with the change.
     */
    public void publish(CaseEvent event) {
        events.publishEvent(event);
    }

    private ReturnCase move(ReturnCase current, CaseStatus target, String message, CaseStatus resume) {
        if (!current.status().canMoveTo(target)) {
            throw new IllegalTransitionException(current.caseId(), current.status(), target,
                    "allowed: " + current.status().next());
        }
        ReturnCase moved = repository.moveStatus(current.caseId(), current.status(), target, message, resume,
                clock.instant()).orElseThrow(() -> new IllegalTransitionException(current.caseId(), current.status(),
                target, "the case changed meanwhile"));
        repository.addEvent(current.caseId(),
                new TimelineEvent(clock.instant(), "gateway", "STATUS", message, target.name()));
        // the waits start and stop their timers here, whichever route moved the case
        events.publishEvent(new CaseMoved(current.caseId(), current.status(), target, clock.instant()));
        if (target == CaseStatus.MANUAL_REVIEW || target == CaseStatus.CLOSED) {
            publish(CaseEvent.of(current.caseId(), target == CaseStatus.CLOSED ? CaseEvent.Type.CLOSED
                            : CaseEvent.Type.MANUAL_REVIEW, clock.instant(),
                    "marketplace", current.marketplace(), "status", target.name(), "reason", message));
        }
        // a reason may quote what a remote system answered: the log gets it masked, the case keeps it whole
        log.info("Case {} {} -> {}: {}", current.caseId(), current.status(), target, PiiMask.mask(message));
        // the listeners above keep their own columns (waits), none of the case's: the row as moved is the case now
        return moved;
    }
}

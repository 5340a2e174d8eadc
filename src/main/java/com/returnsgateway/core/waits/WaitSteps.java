package com.returnsgateway.core.waits;

import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.SHIPMENT_STATE;
import static com.returnsgateway.core.RouteVariables.TASK;
import static com.returnsgateway.core.RouteVariables.WAIT_STEP;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.logging.PiiMask;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.port.Forwarders;
import com.returnsgateway.core.returns.ReturnParcels;
import com.returnsgateway.core.returns.ReturnParcels.ReturnParcel;
import com.returnsgateway.core.shipment.ShipmentSteps;
import com.returnsgateway.core.shipment.ShipmentSteps.ParcelState;
import com.returnsgateway.core.waits.WaitingCases.Wait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the waits sweep (routes/waits.camel.yaml) does with one due case. */
@Component
public class WaitSteps {

    private static final Logger log = LoggerFactory.getLogger(WaitSteps.class);

    /** Operations tasks (tasks*.properties) of waits past their limits. */
    static final String TASK_STILL_MOVING = "parcel_still_moving";
    static final String TASK_RETURN_NOT_BACK = "parcel_return_overdue";
    static final String TASK_BUYER_RETURN_LATE = "buyer_return_overdue";

    /** What a due return wait calls for ({@code waitStep}). */
    public enum ReturnStep { REMIND, CLOSE, TASK, WAIT }

    private final WaitingCases waits;
    private final Cases cases;
    private final CaseRepository repository;
    private final ShipmentSteps shipments;
    private final Forwarders forwarders;
    private final ReturnParcels returnParcels;
    private final WaitSettings settings;
    private final Clock clock;

    public WaitSteps(WaitingCases waits, Cases cases, CaseRepository repository, ShipmentSteps shipments,
                     Forwarders forwarders, ReturnParcels returnParcels, WaitSettings settings, Clock clock) {
        this.waits = waits;
        this.cases = cases;
        this.repository = repository;
        this.shipments = shipments;
        this.forwarders = forwarders;
        this.returnParcels = returnParcels;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks where the parcel of a case in transit is now (forwarder, then the last mile) and sets {@code shipmentState};
     * a new state is recorded on the case. No answer (the forwarder is unreachable, does not know the waybill any more,
     * or is no longer configured) leaves {@code shipmentState} null: the case waits for the next follow-up.
     */
    public void recheck(@Variable(CASE_ID) String caseId, Exchange exchange) {
        exchange.setVariable(SHIPMENT_STATE, null);
        Optional<Wait> wait = waits.find(caseId);
        if (wait.isEmpty() || wait.get().forwarder() == null || !forwarders.isConfigured(wait.get().forwarder())) {
            return;
        }
        Optional<ParcelState> parcel;
        try {
            parcel = shipments.ask(caseId, wait.get().forwarder(), wait.get().waybill());
        } catch (RuntimeException e) {
            log.warn("Case {}: asking about parcel {} failed, asked again at the next follow-up: {}", caseId,
                    wait.get().waybill(), PiiMask.mask(String.valueOf(e.getMessage())));
            return;
        }
        if (parcel.isEmpty()) {
            return;
        }
        ReturnCase returnCase = cases.get(caseId);
        if (returnCase.shipmentState() != parcel.get().state()) {
            repository.recordShipmentState(caseId, parcel.get().state(), parcel.get().code(), clock.instant());
        }
        exchange.setVariable(SHIPMENT_STATE, parcel.get().state().name());
    }

    /**
     * The parcel is still on its way (or could not be asked about): the next follow-up, later as the parcel ages;
     * past {@code gateway.waits.in-transit-limit} sets {@code task} once for operations.
     */
    public void stillMoving(@Variable(CASE_ID) String caseId, Exchange exchange) {
        exchange.setVariable(TASK, null);
        Optional<Wait> wait = waits.find(caseId);
        if (wait.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Duration age = Duration.between(wait.get().since(), now);
        waits.followUpAt(caseId, now.plus(settings.nextFollowUp(age)));
        if (age.compareTo(settings.inTransitLimit()) >= 0 && wait.get().limitTaskAt() == null) {
            exchange.setVariable(TASK, TASK_STILL_MOVING);
        }
    }

    /** Sets {@code waitStep} (and {@code task} for a TASK) for a due case waiting for a parcel to come back. */
    public void returnStep(@Variable(CASE_ID) String caseId, Exchange exchange) {
        exchange.setVariable(TASK, null);
        Optional<Wait> wait = waits.find(caseId);
        if (wait.isEmpty()) {
            exchange.setVariable(WAIT_STEP, ReturnStep.WAIT.name());
            return;
        }
        Optional<ReturnParcel> parcel = wait.get().kind() == WaitKind.BUYER_RETURN
                ? returnParcels.find(caseId) : Optional.empty();
        Decision decision = decide(wait.get(), parcel.orElse(null), clock.instant(), settings);
        if (decision.step() == ReturnStep.WAIT) {
            waits.followUpAt(caseId, decision.nextLook());
        }
        // a step to take keeps the sweep's claim as its next look: a failed email is tried again once the claim ends
        exchange.setVariable(WAIT_STEP, decision.step().name());
        exchange.setVariable(TASK, decision.task());
    }

    /** What a return wait calls for now, and when to look again (null: never, the wait has nothing left to do). */
    record Decision(ReturnStep step, String task, Instant nextLook) {
    }

    static Decision decide(Wait wait, ReturnParcel parcel, Instant now, WaitSettings settings) {
        Instant windowEnds = wait.since().plus(settings.returnWindow());
        boolean windowPassed = !now.isBefore(windowEnds);
        if (wait.kind() == WaitKind.BACK_TO_SENDER) {
            // the buyer did nothing wrong: a parcel not back is for operations to chase, never a reason to close
            if (windowPassed && wait.limitTaskAt() == null) {
                return new Decision(ReturnStep.TASK, TASK_RETURN_NOT_BACK, null);
            }
            return new Decision(ReturnStep.WAIT, null, windowPassed ? null : windowEnds);
        }
        boolean scanned = parcel != null && parcel.firstScanAt() != null;
        if (scanned) {
            // on its way back: the refund moment decides; past the window operations look once
            if (windowPassed && wait.limitTaskAt() == null && parcel.receivedAt() == null) {
                return new Decision(ReturnStep.TASK, TASK_BUYER_RETURN_LATE, null);
            }
            return new Decision(ReturnStep.WAIT, null, windowPassed ? null : windowEnds);
        }
        if (windowPassed) {
            return new Decision(ReturnStep.CLOSE, null, null);
        }
        if (!now.isBefore(wait.since().plus(settings.returnReminderAfter())) && wait.reminderSentAt() == null) {
            return new Decision(ReturnStep.REMIND, null, windowEnds);
        }
        return new Decision(ReturnStep.WAIT, null,
                wait.reminderSentAt() == null ? wait.since().plus(settings.returnReminderAfter()) : windowEnds);
    }

    /** The buyer was reminded: the next look is at the end of the return window. */
    public void reminded(@Variable(CASE_ID) String caseId) {
        waits.reminderSent(caseId);
        waits.find(caseId).ifPresent(wait -> waits.followUpAt(caseId, wait.since().plus(settings.returnWindow())));
    }

    /** Operations have the task of a return wait past its limit: the sweep has nothing left to do for it. */
    public void limitTaskSent(@Variable(CASE_ID) String caseId) {
        waits.limitTaskSent(caseId);
        waits.followUpAt(caseId, null);
    }

    /** Operations have the task of a parcel still moving past the limit; its follow-ups go on. */
    public void stillMovingTaskSent(@Variable(CASE_ID) String caseId) {
        waits.limitTaskSent(caseId);
    }

    /** The return window passed without the return: CLOSED without refund (the buyer was told just before). */
    public void closeUnreturned(@Variable(CASE_ID) String caseId) {
        waits.closedUnreturned(caseId);
        cases.moveTo(caseId, CaseStatus.CLOSED, "The return window of " + settings.returnWindow()
                + " passed without the return parcel: closed without refund");
    }
}

package com.returnsgateway.core.port;

import com.returnsgateway.core.model.InterceptOutcome;
import java.time.Duration;

/**
 * A forwarder protocol ({@code gateway.forwarders.<code>.type}): where is this parcel, and please stop it. Failures are
 * thrown as {@link com.returnsgateway.core.remote.RemoteCallException} (transient or permanent), so the case error
 * policy retries or parks the case.
 */
public interface ForwarderPort {

    /** The {@code type:} of the forwarders this adapter speaks to. */
    String type();

    /** What forwarders of this protocol can do. */
    Abilities abilities();

    /** The parcel's state in the forwarder's own status code (mapped to a ShipmentState by its status profile). */
    ParcelStatus status(String forwarder, String waybill);

    /** Asks the forwarder to stop a parcel. Sent again with the same key after a crash or a retry. */
    InterceptAnswer intercept(String forwarder, InterceptRequest request);

    /**
     * For a forwarder whose intercept answer is {@link Answer#POLLED}: asks again whether the intercept sent earlier
     * succeeded. Called by the core's follow-up sweep (routes/intercept.camel.yaml) while the case waits in
     * AWAITING_FORWARDER; {@link InterceptAnswer#later} while the forwarder is still working on it.
     */
    default InterceptAnswer followUp(String forwarder, InterceptRequest request) {
        return InterceptAnswer.later("still waiting for " + forwarder);
    }

    /** How long a case waits for an intercept answer that comes later before operations take over. */
    default Duration answerDeadline(String forwarder) {
        return Duration.ofMinutes(30);
    }

    /**
     * @param intercept whether the forwarder can be asked by API to stop a parcel at all (false: operations get a task
     *                  to call the forwarder)
     * @param answer    how the intercept's answer comes
     */
    record Abilities(boolean intercept, Answer answer) {

        public boolean answersAtOnce() {
            return answer == Answer.AT_ONCE;
        }
    }

    /** How a forwarder answers an intercept. */
    enum Answer {
        /** The intercept call itself answers. */
        AT_ONCE,
        /** The call is accepted and the outcome is asked for later ({@link #followUp}): 4PX's hold. */
        POLLED,
        /** The outcome arrives by itself later (a result file): the adapter records it and the case is woken. */
        PUSHED
    }

    /**
     * @param known  false when the forwarder does not know the waybill
     * @param detail where the status came from, for the timeline ("" for a live answer)
     */
    record ParcelStatus(boolean known, String code, String detail) {

        public static ParcelStatus of(String code, String detail) {
            return new ParcelStatus(true, code, detail);
        }

        public static ParcelStatus unknownWaybill() {
            return new ParcelStatus(false, null, "");
        }
    }

    /** An intercept as stored before the first attempt: {@code idempotencyKey} is sent with every attempt. */
    record InterceptRequest(String caseId, String waybill, String idempotencyKey, String reason) {
    }

    /**
     * The forwarder's answer, or none yet ({@code outcome} null: it answers later, and {@code awaiting} says how, for
     * the timeline).
     */
    record InterceptAnswer(InterceptOutcome outcome, String awaiting) {

        public static InterceptAnswer of(InterceptOutcome outcome) {
            return new InterceptAnswer(outcome, null);
        }

        public static InterceptAnswer later(String awaiting) {
            return new InterceptAnswer(null, awaiting);
        }

        public boolean pending() {
            return outcome == null;
        }
    }
}

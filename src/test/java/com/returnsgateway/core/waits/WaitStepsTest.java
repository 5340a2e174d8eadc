package com.returnsgateway.core.waits;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ShipmentState;
import com.returnsgateway.core.returns.ReturnParcels.ReturnParcel;
import com.returnsgateway.core.waits.WaitSteps.ReturnStep;
import com.returnsgateway.core.waits.WaitingCases.Wait;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WaitStepsTest {

    private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");
    private final WaitSettings settings = new WaitSettings(Duration.ofHours(1), Duration.ofHours(12),
            Duration.ofDays(21), Duration.ofDays(7), Duration.ofDays(30), LocalTime.of(8, 0), ZoneOffset.UTC,
            Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void followUpsBackOffAsTheParcelAgesFromFirstToMax() {
        assertThat(settings.nextFollowUp(Duration.ZERO)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.nextFollowUp(Duration.ofHours(3))).isEqualTo(Duration.ofHours(3));
        assertThat(settings.nextFollowUp(Duration.ofDays(3))).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aLabelWaitRemindsOnceThenClosesWithoutAScan() {
        Wait fresh = wait(WaitKind.BUYER_RETURN, null, null);
        assertThat(WaitSteps.decide(fresh, null, SINCE.plus(Duration.ofDays(1)), settings))
                .isEqualTo(new WaitSteps.Decision(ReturnStep.WAIT, null, SINCE.plus(Duration.ofDays(7))));
        assertThat(WaitSteps.decide(fresh, null, SINCE.plus(Duration.ofDays(8)), settings).step())
                .isEqualTo(ReturnStep.REMIND);
        Wait reminded = wait(WaitKind.BUYER_RETURN, SINCE.plus(Duration.ofDays(8)), null);
        assertThat(WaitSteps.decide(reminded, null, SINCE.plus(Duration.ofDays(9)), settings))
                .isEqualTo(new WaitSteps.Decision(ReturnStep.WAIT, null, SINCE.plus(Duration.ofDays(30))));
        assertThat(WaitSteps.decide(reminded, null, SINCE.plus(Duration.ofDays(30)), settings).step())
                .isEqualTo(ReturnStep.CLOSE);
    }

    @Test
    void aScannedReturnIsNeitherRemindedNorClosedAndAParcelComingBackIsATask() {
        ReturnParcel scanned = new ReturnParcel("C1", "RN1", null, "operator", SINCE, SINCE.plus(Duration.ofDays(2)),
                null, null, "InTransit", null, null, null, null);
        Wait label = wait(WaitKind.BUYER_RETURN, null, null);
        assertThat(WaitSteps.decide(label, scanned, SINCE.plus(Duration.ofDays(8)), settings).step())
                .isEqualTo(ReturnStep.WAIT);
        assertThat(WaitSteps.decide(label, scanned, SINCE.plus(Duration.ofDays(31)), settings))
                .isEqualTo(new WaitSteps.Decision(ReturnStep.TASK, WaitSteps.TASK_BUYER_RETURN_LATE, null));

        Wait back = wait(WaitKind.BACK_TO_SENDER, null, null);
        assertThat(WaitSteps.decide(back, null, SINCE.plus(Duration.ofDays(8)), settings).step())
                .isEqualTo(ReturnStep.WAIT);
        assertThat(WaitSteps.decide(back, null, SINCE.plus(Duration.ofDays(31)), settings))
                .isEqualTo(new WaitSteps.Decision(ReturnStep.TASK, WaitSteps.TASK_RETURN_NOT_BACK, null));
        Wait tasked = wait(WaitKind.BACK_TO_SENDER, null, SINCE.plus(Duration.ofDays(31)));
        assertThat(WaitSteps.decide(tasked, null, SINCE.plus(Duration.ofDays(40)), settings).step())
                .isEqualTo(ReturnStep.WAIT);
    }

    @Test
    void theWaitIsToldApartByWhereTheParcelWas() {
        assertThat(WaitingCases.kindOf(CaseStatus.AWAITING_BUYER, ShipmentState.OUT_FOR_DELIVERY))
                .contains(WaitKind.PARCEL_IN_TRANSIT);
        assertThat(WaitingCases.kindOf(CaseStatus.AWAITING_BUYER, ShipmentState.DELIVERED)).isEmpty();
        assertThat(WaitingCases.kindOf(CaseStatus.AWAITING_RETURN, ShipmentState.DELIVERED))
                .contains(WaitKind.BUYER_RETURN);
        assertThat(WaitingCases.kindOf(CaseStatus.AWAITING_RETURN, ShipmentState.RETURNING_TO_SENDER))
                .contains(WaitKind.BACK_TO_SENDER);
        assertThat(WaitingCases.kindOf(CaseStatus.REFUND_PENDING, ShipmentState.LOST)).isEmpty();
    }

    private static Wait wait(WaitKind kind, Instant reminded, Instant tasked) {
        return new Wait("C1", kind, SINCE, reminded, tasked, "generic-express", "GE1");
    }
}

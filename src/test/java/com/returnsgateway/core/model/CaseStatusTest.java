package com.returnsgateway.core.model;

import static com.returnsgateway.core.model.CaseStatus.AWAITING_BUYER;
import static com.returnsgateway.core.model.CaseStatus.AWAITING_RETURN;
import static com.returnsgateway.core.model.CaseStatus.CLOSED;
import static com.returnsgateway.core.model.CaseStatus.INTERCEPT_REQUESTED;
import static com.returnsgateway.core.model.CaseStatus.MANUAL_REVIEW;
import static com.returnsgateway.core.model.CaseStatus.RECEIVED;
import static com.returnsgateway.core.model.CaseStatus.REFUNDED;
import static com.returnsgateway.core.model.CaseStatus.REFUND_PENDING;
import static com.returnsgateway.core.model.CaseStatus.RESHIP_REQUESTED;
import static com.returnsgateway.core.model.CaseStatus.SHIPMENT_CHECKED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CaseStatusTest {

    @Test
    void everyStatusBelongsToItsPhase() {
        Map<CaseStatus, Phase> phases = Arrays.stream(CaseStatus.values())
                .collect(Collectors.toMap(Function.identity(), CaseStatus::phase));

        assertThat(phases).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(CaseStatus.AWAITING_FORWARDER, Phase.WAITING),
                Map.entry(CaseStatus.AWAITING_MARKETPLACE, Phase.WAITING),
                Map.entry(RECEIVED, Phase.ACTIVE),
                Map.entry(SHIPMENT_CHECKED, Phase.ACTIVE),
                Map.entry(INTERCEPT_REQUESTED, Phase.ACTIVE),
                Map.entry(REFUND_PENDING, Phase.ACTIVE),
                Map.entry(AWAITING_BUYER, Phase.WAITING),
                Map.entry(AWAITING_RETURN, Phase.WAITING),
                Map.entry(CaseStatus.AWAITING_OFFER_ANSWER, Phase.WAITING),
                Map.entry(MANUAL_REVIEW, Phase.WAITING),
                Map.entry(REFUNDED, Phase.DONE),
                Map.entry(RESHIP_REQUESTED, Phase.DONE),
                Map.entry(CLOSED, Phase.DONE)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "RECEIVED, SHIPMENT_CHECKED",
            "RECEIVED, MANUAL_REVIEW",
            "SHIPMENT_CHECKED, INTERCEPT_REQUESTED",
            "SHIPMENT_CHECKED, AWAITING_BUYER",
            "SHIPMENT_CHECKED, AWAITING_RETURN",
            "SHIPMENT_CHECKED, REFUND_PENDING",
            "INTERCEPT_REQUESTED, REFUND_PENDING",
            "INTERCEPT_REQUESTED, AWAITING_BUYER",
            "REFUND_PENDING, REFUNDED",
            "REFUND_PENDING, RESHIP_REQUESTED",
            "REFUND_PENDING, AWAITING_MARKETPLACE",
            "AWAITING_MARKETPLACE, REFUND_PENDING",
            "AWAITING_MARKETPLACE, MANUAL_REVIEW",
            "AWAITING_BUYER, AWAITING_RETURN",
            "AWAITING_BUYER, CLOSED",
            "AWAITING_RETURN, REFUND_PENDING",
            "AWAITING_RETURN, RECEIVED",
            "SHIPMENT_CHECKED, AWAITING_OFFER_ANSWER",
            "AWAITING_OFFER_ANSWER, REFUND_PENDING",
            "AWAITING_OFFER_ANSWER, SHIPMENT_CHECKED",
            "MANUAL_REVIEW, RECEIVED",
            "MANUAL_REVIEW, INTERCEPT_REQUESTED",
            "MANUAL_REVIEW, REFUND_PENDING",
            "MANUAL_REVIEW, CLOSED",
            "REFUNDED, CLOSED",
            "RESHIP_REQUESTED, CLOSED"})
    void allowedTransitions(CaseStatus from, CaseStatus to) {
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isTrue();
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @CsvSource({
            "REFUNDED, REFUND_PENDING",
            "REFUNDED, MANUAL_REVIEW",
            "RESHIP_REQUESTED, REFUND_PENDING",
            "RECEIVED, REFUND_PENDING",
            "RECEIVED, REFUNDED",
            "SHIPMENT_CHECKED, REFUNDED",
            "AWAITING_RETURN, REFUNDED",
            "INTERCEPT_REQUESTED, REFUNDED",
            "REFUND_PENDING, CLOSED",
            "REFUND_PENDING, RECEIVED",
            "MANUAL_REVIEW, SHIPMENT_CHECKED"})
    void refusedTransitions(CaseStatus from, CaseStatus to) {
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void closedIsTerminal(CaseStatus target) {
        assertThat(CLOSED.next()).isEmpty();
        assertThat(CLOSED.canMoveTo(target)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void noStatusMovesToItself(CaseStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }

    @Test
    void everyActiveOrWaitingStatusCanGoToManualReviewExceptManualReviewItself() {
        for (CaseStatus status : CaseStatus.values()) {
            boolean expected = status.phase() != Phase.DONE && status != MANUAL_REVIEW;
            assertThat(status.canMoveTo(MANUAL_REVIEW)).as("%s -> MANUAL_REVIEW", status).isEqualTo(expected);
        }
    }

    /** Before a side effect a retry re-checks the parcel (RECEIVED); after one it resumes that step with its key. */
    @Test
    void manualReviewResumesAtTheShipmentCheckOrAtAStartedSideEffect() {
        assertThat(MANUAL_REVIEW.next())
                .isEqualTo(EnumSet.of(RECEIVED, INTERCEPT_REQUESTED, REFUND_PENDING, CLOSED));
    }

    @Test
    void finishedCasesCanOnlyClose() {
        assertThat(REFUNDED.next()).containsExactly(CLOSED);
        assertThat(RESHIP_REQUESTED.next()).containsExactly(CLOSED);
    }

    @Test
    void everyStatusIsReachableFromReceived() {
        EnumSet<CaseStatus> reached = EnumSet.of(RECEIVED);
        boolean grew = true;
        while (grew) {
            EnumSet<CaseStatus> more = EnumSet.copyOf(reached);
            reached.forEach(s -> more.addAll(s.next()));
            grew = more.size() > reached.size();
            reached = more;
        }
        assertThat(reached).containsExactlyInAnyOrder(CaseStatus.values());
    }
}

package com.returnsgateway.adapter.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.adapter.amazon.format.RefundEvents;
import com.returnsgateway.core.model.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether what Amazon already posted on an order pays the refund a case is about to send. */
class RefundCoverageTest {

    private static final String ORDER = "113-4021876-5530214";
    private static final Map<String, Money> PLANNED = Map.of("SPEAKER", Money.of("34.99", "USD"),
            "CABLES", Money.of("17.98", "USD"));

    private static RefundEvents.Event event(String posted, String sku, String principal, String currency) {
        return new RefundEvents.Event(ORDER, posted, List.of(new RefundEvents.ItemRefund(sku, null,
                Money.of(principal, currency))));
    }

    @Test
    void eventsThatCoverEverySkuOfTheRefundPayItAndNameTheEvent() {
        RefundCoverage.Verdict verdict = RefundCoverage.judge(ORDER, PLANNED, Map.of(), List.of(
                event("2026-11-20T10:00:00Z", "SPEAKER", "34.99", "USD"),
                event("2026-11-21T10:00:00Z", "CABLES", "17.98", "USD")));

        assertThat(verdict).isInstanceOfSatisfying(RefundCoverage.Paid.class, paid -> {
            assertThat(paid.reference()).isEqualTo("Amazon refund event posted 2026-11-21T10:00:00Z");
            assertThat(paid.note()).startsWith("already refunded by Amazon: ").contains(ORDER, "SPEAKER 34.99 USD",
                    "CABLES 17.98 USD", "not sent again");
        });
    }

    @Test
    void eventsThatCoverPartOfTheRefundSendItToManualReviewSayingWhatAmazonShows() {
        RefundCoverage.Verdict verdict = RefundCoverage.judge(ORDER, PLANNED, Map.of(), List.of(
                event("2026-11-20T10:00:00Z", "SPEAKER", "34.99", "USD"),
                event("2026-11-20T10:00:00Z", "CABLES", "5.00", "USD")));

        assertThat(verdict).isInstanceOfSatisfying(RefundCoverage.PartlyPaid.class, partly -> assertThat(
                partly.problem()).contains("Amazon already shows refunds on order " + ORDER,
                "SPEAKER 34.99 USD, CABLES 5.00 USD", "cover only part of this refund", "Seller Central"));
    }

    @Test
    void aRefundOfAnotherLineOrOneTheGatewaysOtherReturnsAccountForLeavesThisRefundToBePaid() {
        assertThat(RefundCoverage.judge(ORDER, PLANNED, Map.of(), List.of(
                event("2026-11-20T10:00:00Z", "LAMP", "99.00", "USD")))).isInstanceOf(RefundCoverage.NotPaid.class);
        // two returns of one order line: the first one's refund, on record, is not taken for the second one's
        assertThat(RefundCoverage.judge(ORDER, Map.of("SPEAKER", Money.of("34.99", "USD")),
                Map.of("SPEAKER", Money.of("34.99", "USD")), List.of(
                        event("2026-11-20T10:00:00Z", "SPEAKER", "34.99", "USD"))))
                .isInstanceOf(RefundCoverage.NotPaid.class);
    }

    @Test
    void aRefundInAnotherCurrencyIsNotTakenForThisOne() {
        assertThat(RefundCoverage.judge(ORDER, PLANNED, Map.of(), List.of(
                event("2026-11-20T10:00:00Z", "SPEAKER", "34.99", "CAD"))))
                .isInstanceOfSatisfying(RefundCoverage.PartlyPaid.class, partly -> assertThat(partly.problem())
                        .contains("another currency"));
    }
}

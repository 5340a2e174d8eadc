package com.returnsgateway.core.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.ReturnItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefundLedgerTest {

    private static final ReturnItem MUGS = new ReturnItem("MUG", "Mug", 2, Money.of("12.50", "USD"));
    private static final ReturnItem PLATE = new ReturnItem("PLATE", "Plate", 1, Money.of("10.00", "USD"));

    @Test
    void aFullRefundGivesEachLineItsValue() {
        assertThat(RefundLedger.allocate(List.of(MUGS, PLATE), Money.of("35.00", "USD")))
                .containsExactly(Map.entry("MUG", Money.of("25.00", "USD")), Map.entry("PLATE", Money.of("10.00", "USD")));
    }

    @Test
    void aPartialRefundIsSpreadInProportionAndAddsUpToTheCent() {
        Map<String, Money> shares = RefundLedger.allocate(List.of(MUGS, PLATE), Money.of("10.00", "USD"));

        assertThat(shares).containsExactly(Map.entry("MUG", Money.of("7.14", "USD")),
                Map.entry("PLATE", Money.of("2.86", "USD")));
    }

    @Test
    void aLineMayGetBackWhatWasPaidForItButNotACentMore() {
        Map<String, Money> paid = Map.of("MUG", Money.of("25.00", "USD"));
        Map<String, Money> before = Map.of("MUG", Money.of("12.50", "USD"));

        assertThat(RefundLedger.overruns(Map.of("MUG", Money.of("12.50", "USD")), paid, before)).isEmpty();
        assertThat(RefundLedger.overruns(Map.of("MUG", Money.of("12.51", "USD")), paid, before)).containsExactly(
                "line MUG (paid 25.00 USD, refunded by other returns 12.50 USD, this refund 12.51 USD)");
    }

    @Test
    void aLineRefundedInAnotherCurrencyIsNotAddedUpButRefused() {
        assertThat(RefundLedger.overruns(Map.of("MUG", Money.of("1.00", "USD")), Map.of("MUG", Money.of("25.00", "USD")),
                Map.of("MUG", Money.of("1.00", "EUR"))))
                .containsExactly("line MUG (other returns refunded it in EUR, this one is in USD)");
    }
}

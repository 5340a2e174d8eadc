package com.returnsgateway.core.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefundCalculatorTest {

    private final RefundCalculator calculator = new RefundCalculator(TestGatewayProperties.standard());

    @Test
    void aFullRefundIsTheSumOfUnitPriceTimesQuantity() {
        ReturnRequest request = request(RefundType.FULL, null,
                item("MUG", 3, "12.50", "USD"), item("PLATE", 1, "9.99", "USD"));

        RefundCalculator.Amount amount = calculator.amountFor(request, RefundReason.RETURN_RECEIVED);

        assertThat(amount.type()).isEqualTo(RefundType.FULL);
        assertThat(amount.money()).isEqualTo(Money.of("47.49", "USD"));
        assertThat(amount.money()).hasToString("47.49 USD");
    }

    @ParameterizedTest
    @EnumSource(value = RefundReason.class, names = {"RETURNLESS", "RETURN_RECEIVED"})
    void aPartialRefundIsHonouredAfterTheBuyersChoice(RefundReason reason) {
        ReturnRequest request = request(RefundType.PARTIAL, Money.of("5.00", "USD"), item("MUG", 2, "12.50", "USD"));

        RefundCalculator.Amount amount = calculator.amountFor(request, reason);

        assertThat(amount).isEqualTo(new RefundCalculator.Amount(RefundType.PARTIAL, Money.of("5.00", "USD")));
    }

    @ParameterizedTest
    @EnumSource(value = RefundReason.class,
            names = {"PARCEL_INTERCEPTED", "PARCEL_LOST", "ORDER_CANCELLED", "RETURNED_TO_SENDER"})
    void aParcelThatNeverReachedTheBuyerIsAlwaysRefundedInFull(RefundReason reason) {
        ReturnRequest request = request(RefundType.PARTIAL, Money.of("5.00", "USD"), item("MUG", 2, "12.50", "USD"));

        RefundCalculator.Amount amount = calculator.amountFor(request, reason);

        assertThat(amount).isEqualTo(new RefundCalculator.Amount(RefundType.FULL, Money.of("25.00", "USD")));
    }

    @Test
    void aPartialRequestWithoutAnAmountFallsBackToFull() {
        ReturnRequest request = request(RefundType.PARTIAL, null, item("MUG", 2, "12.50", "USD"));

        assertThat(calculator.amountFor(request, RefundReason.RETURN_RECEIVED))
                .isEqualTo(new RefundCalculator.Amount(RefundType.FULL, Money.of("25.00", "USD")));
    }

    @Test
    void itemsWorthLessThanTheThresholdAreReturnless() {
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("PEN", 1, "14.99", "USD")))).isTrue();
    }

    @Test
    void itemsWorthExactlyTheThresholdAreAskedBack() {
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("PEN", 3, "5.00", "USD")))).isFalse();
    }

    @Test
    void itemsWorthMoreThanTheThresholdAreAskedBack() {
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("PEN", 2, "7.51", "USD")))).isFalse();
    }

    @Test
    void theThresholdIsPerCurrency() {
        // 14 is under the USD threshold (15) but not under the EUR one (12)
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("PEN", 1, "14.00", "EUR")))).isFalse();
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("PEN", 1, "11.99", "EUR")))).isTrue();
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("TEA", 1, "1999", "JPY")))).isTrue();
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("TEA", 1, "2000", "JPY")))).isFalse();
    }

    @Test
    void aCurrencyWithoutAThresholdIsNeverReturnless() {
        assertThat(calculator.isReturnless(request(RefundType.FULL, null, item("PEN", 1, "0.01", "CHF")))).isFalse();
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        ReturnRequest request = request(RefundType.FULL, null, item("TEA", 3, "1500", "JPY"), item("CUP", 1, "980", "JPY"));

        Money money = calculator.amountFor(request, RefundReason.PARCEL_LOST).money();

        assertThat(money).isEqualTo(Money.of("5480", "JPY"));
        assertThat(money.amount().scale()).isZero();
        assertThat(money).hasToString("5480 JPY");
    }

    private static ReturnItem item(String sku, int quantity, String price, String currency) {
        return new ReturnItem(sku, sku.toLowerCase(), quantity, Money.of(price, currency));
    }

    private static ReturnRequest request(RefundType type, Money requested, ReturnItem... items) {
        return new ReturnRequest("sandbox-us", "R-1", "O-1", Instant.parse("2026-11-26T08:30:00Z"),
                Instant.parse("2026-11-26T08:30:00Z"), Resolution.REFUND, type, requested, "Damaged", null,
                new Buyer("Ada", "ada@example.com", "en-US",
                        new Address(null, "1 Main St", null, "Reno", "NV", "89502", "US", null)),
                List.of(items), new ShipmentRef("4px", "4PX3000123456CN"));
    }
}

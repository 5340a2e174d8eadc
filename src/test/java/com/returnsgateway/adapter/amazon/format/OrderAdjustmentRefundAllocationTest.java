package com.returnsgateway.adapter.amazon.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.AdjustedItem;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.Component;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.Message;
import com.returnsgateway.adapter.amazon.format.RefundAllocation.Line;
import com.returnsgateway.adapter.amazon.format.RefundAllocation.TaxMode;
import com.returnsgateway.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RefundAllocation}; named OrderAdjustment* so the Amazon format test selection runs it. */
class OrderAdjustmentRefundAllocationTest {

    private static final TaxMode GROSS = TaxMode.gross();

    private static Line line(String code, String value) {
        return new Line(code, Money.of(value, "USD"));
    }

    private static List<AdjustedItem> allocate(String refund, TaxMode taxMode, Line... lines) {
        return RefundAllocation.allocate(Money.of(refund, "USD"), List.of(lines), taxMode, "CustomerReturn", "case-42");
    }

    /** Each item's components as "Type amount", for assertions that read like the feed. */
    private static List<String> components(AdjustedItem item) {
        return item.components().stream().map(c -> c.type() + " " + c.amount().amount().toPlainString()).toList();
    }

    private static Money total(List<AdjustedItem> items) {
        Money total = null;
        for (AdjustedItem item : items) {
            for (Component component : item.components()) {
                total = total == null ? component.amount() : total.plus(component.amount());
            }
        }
        return total;
    }

    @Test
    void aRefundIsSpreadInProportionToTheLinesValues() {
        List<AdjustedItem> items = allocate("50.00", GROSS, line("OI-1", "60.00"), line("OI-2", "30.00"),
                line("OI-3", "10.00"));

        assertThat(items).extracting(OrderAdjustmentRefundAllocationTest::components).containsExactly(
                List.of("Principal 30.00"), List.of("Principal 15.00"), List.of("Principal 5.00"));
        assertThat(items).extracting(AdjustedItem::amazonOrderItemCode).containsExactly("OI-1", "OI-2", "OI-3");
        assertThat(items).extracting(AdjustedItem::merchantAdjustmentItemId)
                .containsExactly("case-42-1", "case-42-2", "case-42-3");
        assertThat(items).extracting(AdjustedItem::adjustmentReason).containsOnly("CustomerReturn");
    }

    @Test
    void theCentLeftByRoundingGoesToTheFirstOfEqualLinesAndThePartsAddUpExactly() {
        List<AdjustedItem> items = allocate("10.00", GROSS, line("OI-1", "5.00"), line("OI-2", "5.00"),
                line("OI-3", "5.00"));

        assertThat(items).extracting(OrderAdjustmentRefundAllocationTest::components).containsExactly(
                List.of("Principal 3.34"), List.of("Principal 3.33"), List.of("Principal 3.33"));
        assertThat(total(items)).isEqualTo(Money.of("10.00", "USD"));
    }

    @Test
    void theCentLeftByRoundingGoesToTheLineThatLostMostToRounding() {
        List<AdjustedItem> items = allocate("1.00", GROSS, line("OI-1", "1.00"), line("OI-2", "2.00"));

        assertThat(items).extracting(OrderAdjustmentRefundAllocationTest::components).containsExactly(
                List.of("Principal 0.33"), List.of("Principal 0.67"));
    }

    @Test
    void noLineIsRefundedMoreThanItIsWorth() {
        List<AdjustedItem> items = allocate("29.99", GROSS, line("OI-1", "10.00"), line("OI-2", "10.00"),
                line("OI-3", "10.00"));

        assertThat(items).extracting(OrderAdjustmentRefundAllocationTest::components).containsExactly(
                List.of("Principal 10.00"), List.of("Principal 10.00"), List.of("Principal 9.99"));
    }

    @Test
    void partsAlwaysAddUpToTheRefundAndStayWithinEachLine() {
        Random random = new Random(20261120);
        for (int round = 0; round < 500; round++) {
            int count = 1 + random.nextInt(7);
            List<Line> lines = new ArrayList<>();
            long worth = 0;
            for (int i = 0; i < count; i++) {
                long cents = 1 + random.nextInt(50_000);
                worth += cents;
                lines.add(new Line("OI-" + i, new Money(BigDecimal.valueOf(cents, 2), "USD")));
            }
            Money refund = new Money(BigDecimal.valueOf(1 + (long) (random.nextDouble() * worth), 2), "USD");

            List<AdjustedItem> items = RefundAllocation.allocate(refund, lines, GROSS, "CustomerReturn", "r" + round);

            assertThat(total(items)).as("round %d", round).isEqualTo(refund);
            for (AdjustedItem item : items) {
                Line line = lines.get(Integer.parseInt(item.amazonOrderItemCode().substring(3)));
                assertThat(item.components().get(0).amount().isGreaterThan(line.value())).as("round %d", round)
                        .isFalse();
            }
        }
    }

    @Test
    void withoutATaxSplitEachLineIsOnePrincipalWithTheGrossAmountAsJapanRequires() {
        List<AdjustedItem> items = RefundAllocation.allocate(Money.of("3000", "JPY"),
                List.of(new Line("OI-1", Money.of("2000", "JPY")), new Line("OI-2", Money.of("1000", "JPY"))),
                TaxMode.gross(), "CustomerReturn", "jp-7");

        assertThat(items).extracting(OrderAdjustmentRefundAllocationTest::components).containsExactly(
                List.of("Principal 2000"), List.of("Principal 1000"));
    }

    @ParameterizedTest
    @CsvSource({
            "12.00, 0.20, USD, 10.00, 2.00",
            "9.99,  0.20, USD, 8.33,  1.66",
            "0.05,  0.19, EUR, 0.04,  0.01",
            "100.00, 0.0775, USD, 92.81, 7.19",
            "1500,  0.10, JPY, 1364,  136",
    })
    void aTaxSplitGivesTheNetRoundedToTheCurrencyAndTaxAsTheRest(String gross, String rate, String currency,
                                                                  String net, String tax) {
        List<AdjustedItem> items = RefundAllocation.allocate(Money.of(gross, currency),
                List.of(new Line("OI-1", Money.of(gross, currency))), TaxMode.split(new BigDecimal(rate)),
                "CustomerReturn", "c");

        assertThat(components(items.get(0))).containsExactly("Principal " + net, "Tax " + tax);
        assertThat(total(items)).isEqualTo(Money.of(gross, currency));
    }

    @Test
    void aZeroTaxRateGivesNoTaxComponent() {
        List<AdjustedItem> items = allocate("10.00", TaxMode.split(BigDecimal.ZERO), line("OI-1", "10.00"));

        assertThat(components(items.get(0))).containsExactly("Principal 10.00");
    }

    @Test
    void aLinesShippingIsRefundedInFullAndTheValuesShareTheRest() {
        List<AdjustedItem> items = allocate("27.00", GROSS,
                new Line("OI-1", Money.of("20.00", "USD"), Money.of("5.00", "USD")), line("OI-2", "10.00"));

        assertThat(items).extracting(OrderAdjustmentRefundAllocationTest::components).containsExactly(
                List.of("Principal 14.67", "Shipping 5.00"), List.of("Principal 7.33"));
        assertThat(total(items)).isEqualTo(Money.of("27.00", "USD"));
    }

    @Test
    void withATaxSplitShippingIsSplitIntoShippingAndShippingTax() {
        List<AdjustedItem> items = allocate("18.00", TaxMode.split(new BigDecimal("0.20")),
                new Line("OI-1", Money.of("12.00", "USD"), Money.of("6.00", "USD")));

        assertThat(components(items.get(0)))
                .containsExactly("Principal 10.00", "Tax 2.00", "Shipping 5.00", "ShippingTax 1.00");
    }

    @Test
    void aRefundOfOnlyTheShippingLeavesOutThePrincipal() {
        List<AdjustedItem> items = allocate("5.00", GROSS,
                new Line("OI-1", Money.of("20.00", "USD"), Money.of("5.00", "USD")));

        assertThat(components(items.get(0))).containsExactly("Shipping 5.00");
    }

    @Test
    void aLineWhoseShareIsZeroIsLeftOutAndTheOthersKeepTheirIds() {
        List<AdjustedItem> items = allocate("0.01", GROSS, line("OI-1", "1.00"), line("OI-2", "1.00"));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.amazonOrderItemCode()).isEqualTo("OI-1");
            assertThat(item.merchantAdjustmentItemId()).isEqualTo("case-42-1");
            assertThat(components(item)).containsExactly("Principal 0.01");
        });
    }

    @Test
    void anAllocationMakesAFeedThatIsValidAgainstTheSchema() {
        List<AdjustedItem> items = allocate("33.99", TaxMode.split(new BigDecimal("0.08")),
                new Line("52986411826454", Money.of("24.00", "USD"), Money.of("4.99", "USD")),
                line("52986411826455", "9.99"));

        String xml = OrderAdjustmentFeed.build("M_SELLER_1", List.of(new Message(1, "114-3941689-8772232", items)));

        assertThat(FeedSchema.problem(xml)).isNull();
        assertThat(xml).contains("<MerchantAdjustmentItemID>case-42-2</MerchantAdjustmentItemID>");
    }

    @Test
    void aRefundThatDoesNotCoverTheShippingOrExceedsTheLinesIsRefused() {
        Line withShipping = new Line("OI-1", Money.of("20.00", "USD"), Money.of("5.00", "USD"));

        assertThatThrownBy(() -> allocate("4.99", GROSS, withShipping))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the refund 4.99 USD does not cover the lines' shipping 5.00 USD");
        assertThatThrownBy(() -> allocate("25.01", GROSS, withShipping))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the refund 25.01 USD is more than the lines are worth: 25.00 USD");
    }

    @Test
    void idsLongerThanFiftyCharactersAreRefused() {
        String prefix = "x".repeat(48);
        List<Line> lines = List.of(line("OI-1", "1.00"));
        List<Line> tenLines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenLines.add(line("OI-" + i, "1.00"));
        }

        assertThat(RefundAllocation.allocate(Money.of("1.00", "USD"), lines, GROSS, "CustomerReturn", prefix))
                .extracting(AdjustedItem::merchantAdjustmentItemId).containsExactly(prefix + "-1");
        assertThatThrownBy(() -> RefundAllocation.allocate(Money.of("1.00", "USD"), tenLines, GROSS,
                "CustomerReturn", prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would be 51 characters; at most 50 are allowed");
    }

    @Test
    void invalidInputIsRefusedWithAMessageNamingIt() {
        List<Line> lines = List.of(line("OI-1", "10.00"));
        Money ten = Money.of("10.00", "USD");

        assertThatThrownBy(() -> RefundAllocation.allocate(Money.of("0", "USD"), lines, GROSS, "CustomerReturn", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the refund must be more than zero, got 0.00 USD");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, lines, GROSS, "Refund", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refund allocation: AdjustmentReason 'Refund' is not one of");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, lines, null, "CustomerReturn", "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tax mode is required");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, List.of(), GROSS, "CustomerReturn", "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no lines to refund");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, lines, GROSS, "CustomerReturn", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix is required");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, List.of(new Line("OI-1", Money.of("10", "EUR"))),
                GROSS, "CustomerReturn", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1 (OI-1) is not in USD, the refund's currency");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, List.of(line("OI-1", "10.00"), line("OI-2", "0")),
                GROSS, "CustomerReturn", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 (OI-2): value must be more than zero, got 0.00 USD");
        assertThatThrownBy(() -> RefundAllocation.allocate(ten, List.of(line(" ", "10.00")), GROSS,
                "CustomerReturn", "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 1: AmazonOrderItemCode is required");
        assertThatThrownBy(() -> TaxMode.split(new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate of zero or more");
    }
}

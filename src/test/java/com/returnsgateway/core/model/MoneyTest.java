package com.returnsgateway.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsCarryTheCurrencysDecimals() {
        assertThat(Money.of("12", "USD").amount()).isEqualByComparingTo("12").extracting(BigDecimal::scale).isEqualTo(2);
        assertThat(Money.of("12", "USD")).hasToString("12.00 USD");
        assertThat(Money.of("12.5", "EUR")).hasToString("12.50 EUR");
        assertThat(Money.of("1500", "JPY")).hasToString("1500 JPY");
        assertThat(Money.of("1.5", "KWD")).hasToString("1.500 KWD");
    }

    @Test
    void extraDecimalsAreRoundedHalfUp() {
        assertThat(Money.of("1.005", "USD")).hasToString("1.01 USD");
        assertThat(Money.of("1.004", "USD")).hasToString("1.00 USD");
        assertThat(Money.of("1500.5", "JPY")).hasToString("1501 JPY");
    }

    @Test
    void equalAmountsWithDifferentScalesAreEqual() {
        assertThat(Money.of("12", "USD")).isEqualTo(Money.of("12.00", "USD"));
        assertThat(Money.of("12", "USD")).isNotEqualTo(Money.of("12", "EUR"));
    }

    @Test
    void aCurrencyWithoutDecimalsLikeGoldIsKeptWhole() {
        // XAU reports -1 fraction digits
        assertThat(Money.of("2.4", "XAU")).hasToString("2 XAU");
    }

    @Test
    void zeroHasTheCurrencysScale() {
        assertThat(Money.zero("USD")).hasToString("0.00 USD");
        assertThat(Money.zero("JPY")).hasToString("0 JPY");
        assertThat(Money.zero("USD").isPositive()).isFalse();
    }

    @Test
    void plusAddsInTheSameCurrency() {
        assertThat(Money.of("12.50", "USD").plus(Money.of("0.75", "USD"))).isEqualTo(Money.of("13.25", "USD"));
    }

    @Test
    void timesMultipliesByAQuantity() {
        assertThat(Money.of("9.99", "USD").times(3)).isEqualTo(Money.of("29.97", "USD"));
        assertThat(Money.of("980", "JPY").times(2)).hasToString("1960 JPY");
    }

    @Test
    void comparisons() {
        assertThat(Money.of("10.01", "USD").isGreaterThan(Money.of("10", "USD"))).isTrue();
        assertThat(Money.of("10", "USD").isGreaterThan(Money.of("10.00", "USD"))).isFalse();
        assertThat(Money.of("9.99", "USD").isLessThan(Money.of("10", "USD"))).isTrue();
        assertThat(Money.of("0.01", "USD").isPositive()).isTrue();
    }

    @Test
    void mixingCurrenciesIsRefusedNamingBoth() {
        Money dollars = Money.of("10", "USD");
        Money euros = Money.of("10", "EUR");

        assertThatThrownBy(() -> dollars.plus(euros))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("currency mismatch: USD and EUR");
        assertThatThrownBy(() -> dollars.isGreaterThan(euros))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("currency mismatch: USD and EUR");
        assertThatThrownBy(() -> euros.isLessThan(dollars))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("currency mismatch: EUR and USD");
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> new Money(null, "USD")).isInstanceOf(NullPointerException.class).hasMessage("amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
                .isInstanceOf(NullPointerException.class).hasMessage("currency");
    }
}

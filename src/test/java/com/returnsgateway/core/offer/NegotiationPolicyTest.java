package com.returnsgateway.core.offer;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NegotiationPolicyTest {

    private static final Map<String, NegotiationProperties.Cost> COSTS = Map.of(
            "CA", new NegotiationProperties.Cost(new BigDecimal("30"), "USD"),
            "JP", new NegotiationProperties.Cost(new BigDecimal("2000"), "JPY"),
            "default", new NegotiationProperties.Cost(new BigDecimal("5.90"), "USD"));
    private final NegotiationPolicy policy = new NegotiationPolicy(properties(true));

    @Test
    void anItemCostlyToSendBackIsOfferedThirtyPercentRoundedToTheCurrency() {
        assertThat(policy.offerFor(request("CA", "60.00", "USD", Resolution.REFUND), Money.of("60.00", "USD")))
                .contains(Money.of("18.00", "USD"));
        assertThat(policy.offerFor(request("CA", "74.99", "USD", Resolution.REFUND), Money.of("74.99", "USD")))
                .as("22.497 rounds to 22.50").contains(Money.of("22.50", "USD"));
        assertThat(policy.offerFor(request("JP", "4999", "JPY", Resolution.REFUND), Money.of("4999", "JPY")))
                .as("no decimals in yen").contains(Money.of("1500", "JPY"));
    }

    @Test
    void noOfferWhenReturnShippingIsCheapTheCurrencyDiffersItIsAReplacementOrOffersAreOff() {
        assertThat(policy.offerFor(request("CA", "80.00", "USD", Resolution.REFUND), Money.of("80.00", "USD")))
                .as("30 < 0.4 x 80").isEmpty();
        assertThat(policy.offerFor(request("US", "20.00", "USD", Resolution.REFUND), Money.of("20.00", "USD")))
                .as("default 5.90 < 8.00").isEmpty();
        assertThat(policy.offerFor(request("CA", "60.00", "EUR", Resolution.REFUND), Money.of("60.00", "EUR")))
                .as("a USD cost says nothing about a EUR item").isEmpty();
        assertThat(policy.offerFor(request("CA", "60.00", "USD", Resolution.REPLACE), Money.of("60.00", "USD")))
                .isEmpty();
        assertThat(new NegotiationPolicy(properties(false))
                .offerFor(request("CA", "60.00", "USD", Resolution.REFUND), Money.of("60.00", "USD"))).isEmpty();
    }

    @Test
    void theOfferNeverExceedsWhatTheLedgerStillAllows() {
        assertThat(policy.offerFor(request("CA", "60.00", "USD", Resolution.REFUND), Money.of("10.00", "USD")))
                .contains(Money.of("10.00", "USD"));
        assertThat(policy.offerFor(request("CA", "60.00", "USD", Resolution.REFUND), Money.zero("USD"))).isEmpty();
    }

    private static NegotiationProperties properties(boolean enabled) {
        return new NegotiationProperties(enabled, new BigDecimal("0.4"), new BigDecimal("30"), Duration.ofDays(3),
                "secret", COSTS, Duration.ofMinutes(1));
    }

    private static ReturnRequest request(String country, String price, String currency, Resolution resolution) {
        Address address = new Address("B", "1 Street", null, "City", null, "12345", country, null);
        return new ReturnRequest("sandbox-us", "R-1", "O-1", Instant.EPOCH, Instant.EPOCH, resolution,
                RefundType.FULL, null, "DAMAGED", null, new Buyer("B", "b@buyer.example", "en-US", address),
                List.of(new ReturnItem("SKU-1", "Lamp", 1, Money.of(price, currency))), null);
    }
}

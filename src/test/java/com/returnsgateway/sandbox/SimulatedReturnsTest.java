package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.inbox.TrackingNumbers;
import org.junit.jupiter.api.Test;

/** What a sandbox buyer writes back is what the gateway's reply reader recognises. */
class SimulatedReturnsTest {

    @Test
    void aBuyersReturnNumberIsAUspsNumberTheSameForACaseEveryTime() {
        String number = SimulatedReturns.trackingNumber("RC-7K2M9Q4XZT");

        assertThat(number).hasSize(22).startsWith("9400").containsOnlyDigits();
        assertThat(SimulatedReturns.trackingNumber("RC-7K2M9Q4XZT")).isEqualTo(number);
        assertThat(SimulatedReturns.trackingNumber("RC-0000000001")).isNotEqualTo(number);
        assertThat(TrackingNumbers.find("Hello, I sent the item back today with USPS. The tracking number is "
                + number + ". Thank you!"))
                .hasValueSatisfying(found -> assertThat(found.number()).isEqualTo(number));
    }
}

package com.returnsgateway.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

    private static TrackingNumbers.Found find(String text) {
        return TrackingNumbers.find(text).orElse(null);
    }

    @Test
    void recognisesEachCarriersForm() {
        assertThat(find("Sent it: 1z999aa10123456784, thanks")).isEqualTo(new TrackingNumbers.Found("1Z999AA10123456784", "UPS"));
        assertThat(find("USPS 9400 1000 0000 0000 0000 00 dropped off"))
                .isEqualTo(new TrackingNumbers.Found("9400100000000000000000", "USPS"));
        assertThat(find("number 92055901755477000000000")).isNull(); // 23 digits: no USPS form
        assertThat(find("label 9205590175547700000012")).isEqualTo(new TrackingNumbers.Found("9205590175547700000012", "USPS"));
        assertThat(find("DHL: JJD000390007823456789")).isEqualTo(new TrackingNumbers.Found("JJD000390007823456789", "DHL"));
        assertThat(find("Sent with DHL, tracking 1234567890.")).isEqualTo(new TrackingNumbers.Found("1234567890", "DHL"));
        assertThat(find("Royal Mail AB123456789GB")).isEqualTo(new TrackingNumbers.Found("AB123456789GB", "Royal Mail"));
        assertThat(find("posted RR123456785DE at La Poste")).isEqualTo(new TrackingNumbers.Found("RR123456785DE", "La Poste"));
        assertThat(find("posted RR123456785CN")).isEqualTo(new TrackingNumbers.Found("RR123456785CN", null));
        assertThat(find("4px4PX3000123456789CN ok")).isNull(); // not a word of its own
        assertThat(find("4PX3000123456789CN ok")).isEqualTo(new TrackingNumbers.Found("4PX3000123456789CN", "4PX"));
        assertThat(find("YT2412345678901234")).isEqualTo(new TrackingNumbers.Found("YT2412345678901234", "YunExpress"));
    }

    @Test
    void takesTheFirstAndIgnoresPlainNumbers() {
        assertThat(find("order 1234567890 sent with UPS 1Z999AA10123456784, then AB123456789GB"))
                .isEqualTo(new TrackingNumbers.Found("1Z999AA10123456784", "UPS"));
        assertThat(find("my phone is 1234567890 and my order 111-2223334-5556667")).isNull();
        assertThat(find(null)).isNull();
        assertThat(find("case RC-0123456789")).isNull();
    }
}

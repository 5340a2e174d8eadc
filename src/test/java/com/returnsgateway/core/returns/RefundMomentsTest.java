package com.returnsgateway.core.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RefundMomentsTest {

    @Test
    void eachMarketplaceHasItsMomentAndReceivedIsTheDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gateway.marketplaces.shop-a.country", "US")
                .withProperty("gateway.marketplaces.shop-a.refund-moment", "first-scan")
                .withProperty("gateway.marketplaces.shop-b.refund-moment", " Delivered ")
                .withProperty("gateway.marketplaces.amazon-us.type", "amazon");

        RefundMoments moments = new RefundMoments(environment);

        assertThat(moments.of("shop-a")).isEqualTo(RefundMoment.FIRST_SCAN);
        assertThat(moments.of("shop-b")).isEqualTo(RefundMoment.DELIVERED);
        assertThat(moments.of("amazon-us")).isEqualTo(RefundMoment.RECEIVED);
        assertThat(moments.of("unknown")).isEqualTo(RefundMoment.RECEIVED);
    }

    @Test
    void aWrongValueStopsTheStartUpNamingTheSetting() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gateway.marketplaces.shop-a.refund-moment", "on-scan");

        assertThatThrownBy(() -> new RefundMoments(environment))
                .hasMessageContaining("gateway.marketplaces.shop-a.refund-moment: 'on-scan'")
                .hasMessageContaining("first-scan, delivered, received");
    }

    @Test
    void scansAndDeliveriesAreReadFromTheTrackingCode() {
        assertThat(ReturnSweep.isScanned("InfoReceived")).isFalse();
        assertThat(ReturnSweep.isScanned("NotFound_Other")).isFalse();
        assertThat(ReturnSweep.isScanned("InTransit_PickedUp")).isTrue();
        assertThat(ReturnSweep.isDelivered("Delivered_Other")).isTrue();
        assertThat(ReturnSweep.isDelivered("OutForDelivery")).isFalse();
    }
}

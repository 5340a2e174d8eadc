package com.returnsgateway.core.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.config.TestGatewayProperties;
import com.returnsgateway.core.model.ShipmentState;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentStateMapperTest {

    private final ShipmentStateMapper mapper = new ShipmentStateMapper(TestGatewayProperties.standard());

    static Stream<Arguments> fourPxCodes() {
        return TestGatewayProperties.PROFILE_4PX.entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), ShipmentState.valueOf(e.getValue())));
    }

    static Stream<Arguments> genericCodes() {
        return TestGatewayProperties.PROFILE_GENERIC.entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), ShipmentState.valueOf(e.getValue())));
    }

    @ParameterizedTest(name = "4px {0} -> {1}")
    @MethodSource("fourPxCodes")
    void every4pxCodeMapsAsConfigured(String code, ShipmentState expected) {
        assertThat(mapper.map("4px", code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "generic {0} -> {1}")
    @MethodSource("genericCodes")
    void everyGenericCodeMapsAsConfigured(String code, ShipmentState expected) {
        assertThat(mapper.map("aftership", code)).isEqualTo(expected);
    }

    @Test
    void theBracketedYamlKeysAreMatchedWithoutBrackets() {
        assertThat(mapper.map("4px", "FPX_D_SD")).isEqualTo(ShipmentState.OUT_FOR_DELIVERY);
        assertThat(mapper.map("4px", "FPX_D_FD")).isEqualTo(ShipmentState.DELIVERY_FAILED);
        assertThat(mapper.map("4px", "[FPX_D_SD]")).isEqualTo(ShipmentState.UNKNOWN);
    }

    @Test
    void theProfilesCoverTheLifecycle() {
        assertThat(TestGatewayProperties.PROFILE_GENERIC.values()).map(ShipmentState::valueOf)
                .contains(ShipmentState.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "DELIVERED_TO_MOON", "PP"})
    void anUnknownCodeIsUnknown(String code) {
        assertThat(mapper.map("4px", code)).isEqualTo(ShipmentState.UNKNOWN);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankCodeIsUnknown(String code) {
        assertThat(mapper.map("4px", code)).isEqualTo(ShipmentState.UNKNOWN);
    }

    @Test
    void aBlankCodeIsUnknownEvenForAnUnknownForwarder() {
        assertThat(mapper.map("dhl", "")).isEqualTo(ShipmentState.UNKNOWN);
    }

    @Test
    void codesFallBackToACaseInsensitiveMatch() {
        assertThat(mapper.map("4px", "f")).isEqualTo(ShipmentState.DELIVERED);
        assertThat(mapper.map("4px", "fpx_d_sd")).isEqualTo(ShipmentState.OUT_FOR_DELIVERY);
        assertThat(mapper.map("aftership", "OUTFORDELIVERY")).isEqualTo(ShipmentState.OUT_FOR_DELIVERY);
        assertThat(mapper.map("aftership", "delivered")).isEqualTo(ShipmentState.DELIVERED);
    }

    @Test
    void aKeyEndingInAStarMatchesEveryCodeStartingWithItTheLongestWinning() {
        ShipmentStateMapper prefixes = new ShipmentStateMapper(TestGatewayProperties.with(
                Map.of("4px", new GatewayProperties.Forwarder("4px", "http://4px", "fpx")),
                Map.of("fpx", Map.of("FPX_S_OK*", "DELIVERED", "FPX_D_FD*", "DELIVERY_FAILED",
                        "FPX_D*", "OUT_FOR_DELIVERY", "FPX_D_FDX", "LOST"))));

        assertThat(prefixes.map("4px", "FPX_S_OKSIGNED")).isEqualTo(ShipmentState.DELIVERED);
        assertThat(prefixes.map("4px", "FPX_S_OK")).isEqualTo(ShipmentState.DELIVERED);
        assertThat(prefixes.map("4px", "fpx_d_fd01")).isEqualTo(ShipmentState.DELIVERY_FAILED);
        assertThat(prefixes.map("4px", "FPX_D_SD")).isEqualTo(ShipmentState.OUT_FOR_DELIVERY);
        assertThat(prefixes.map("4px", "FPX_D_FDX")).as("an exact key beats a prefix").isEqualTo(ShipmentState.LOST);
        assertThat(prefixes.map("4px", "FPX_C_AAF")).isEqualTo(ShipmentState.UNKNOWN);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(mapper.map("aftership", " Delivered ")).isEqualTo(ShipmentState.DELIVERED);
        assertThat(mapper.map("4px", "X\n")).isEqualTo(ShipmentState.CANCELLED);
    }

    @Test
    void configuredStatesAreReadCaseInsensitively() {
        ShipmentStateMapper lenient = new ShipmentStateMapper(TestGatewayProperties.with(
                Map.of("acme", new GatewayProperties.Forwarder("http", "http://acme", "acme")),
                Map.of("acme", Map.of("OK", " delivered "))));

        assertThat(lenient.map("acme", "OK")).isEqualTo(ShipmentState.DELIVERED);
    }

    @Test
    void anUnknownForwarderIsRefusedByName() {
        assertThatThrownBy(() -> mapper.map("dhl", "F"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown forwarder dhl");
    }

    @Test
    void aMissingProfileIsNamedInTheMessage() {
        ShipmentStateMapper broken = new ShipmentStateMapper(TestGatewayProperties.with(
                Map.of("yunexpress", new GatewayProperties.Forwarder("http", "http://yun", "yun-profile")),
                Map.of("4px", TestGatewayProperties.PROFILE_4PX)));

        assertThatThrownBy(() -> broken.map("yunexpress", "F"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("forwarder yunexpress names status profile 'yun-profile', "
                        + "which gateway.status-profiles does not define");
    }

    @Test
    void aForwarderWithoutAProfileIsExplainedNotANullPointer() {
        ShipmentStateMapper broken = new ShipmentStateMapper(TestGatewayProperties.with(
                Map.of("yunexpress", new GatewayProperties.Forwarder("http", "http://yun", null)),
                Map.of("4px", TestGatewayProperties.PROFILE_4PX)));

        assertThatThrownBy(() -> broken.map("yunexpress", "F"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("forwarder yunexpress names no status profile; set "
                        + "gateway.forwarders.yunexpress.status-profile");
    }
}

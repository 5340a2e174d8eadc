package com.returnsgateway.core.model;

import static com.returnsgateway.core.model.IdempotencyKey.Purpose.INTERCEPT;
import static com.returnsgateway.core.model.IdempotencyKey.Purpose.REFUND;
import static com.returnsgateway.core.model.IdempotencyKey.Purpose.RESHIP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void aPlainReturnGetsAReadableKeyPerPurpose() {
        assertThat(IdempotencyKey.of("sandbox-us", "R-1001", REFUND)).isEqualTo("rg:sandbox-us:R-1001:refund");
        assertThat(IdempotencyKey.of("sandbox-us", "R-1001", RESHIP)).isEqualTo("rg:sandbox-us:R-1001:reship");
        assertThat(IdempotencyKey.of("amazon-us", "DQxQ9fRjRRMA", INTERCEPT))
                .isEqualTo("rg:amazon-us:DQxQ9fRjRRMA:intercept");
        assertThat(IdempotencyKey.of("sandbox-us", "shop:R.7_1", REFUND)).isEqualTo("rg:sandbox-us:shop:R.7_1:refund");
    }

    @Test
    void theSameReturnAlwaysGetsTheSameKeyAndAnotherReturnOrMarketplaceAnother() {
        assertThat(IdempotencyKey.of("sandbox-us", "R-1", REFUND)).isEqualTo(IdempotencyKey.of("sandbox-us", "R-1", REFUND));
        assertThat(IdempotencyKey.of("sandbox-us", "R-1", REFUND)).isNotEqualTo(IdempotencyKey.of("sandbox-eu", "R-1", REFUND))
                .isNotEqualTo(IdempotencyKey.of("sandbox-us", "R-2", REFUND));
    }

    @Test
    void oddCharactersOrALongIdAreHashedToAFixedLength() {
        String slash = IdempotencyKey.of("sandbox-us", "R/1#2", REFUND);
        String longId = IdempotencyKey.of("sandbox-us", "R".repeat(128), REFUND);
        String odd = IdempotencyKey.of("shop:eu", "R-1", REFUND);

        assertThat(slash).matches("rgh:[0-9a-f]{64}:refund").isNotEqualTo(longId).isNotEqualTo(odd);
        assertThat(longId).matches("rgh:[0-9a-f]{64}:refund");
        assertThat(IdempotencyKey.of("sandbox-us", "R/1#2", INTERCEPT)).isEqualTo(slash.replace(":refund", ":intercept"));
        // marketplace "shop" with returnId "eu:R-1" names another return than marketplace "shop:eu" with "R-1"
        assertThat(odd).isNotEqualTo(IdempotencyKey.of("shop", "eu:R-1", REFUND));
    }

    @Test
    void everyKeyFitsTheLengthAndCharactersTheContractPromises() {
        for (String returnId : new String[] {"R", "R".repeat(85), "R".repeat(86), "R/" + "x".repeat(126)}) {
            assertThat(IdempotencyKey.of("marketplace-with-a-long-code", returnId, INTERCEPT))
                    .hasSizeLessThanOrEqualTo(IdempotencyKey.MAX_LENGTH).matches("[A-Za-z0-9._:-]+");
        }
    }
}

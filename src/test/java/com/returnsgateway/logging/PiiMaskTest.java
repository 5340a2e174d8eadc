package com.returnsgateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskTest {

    @Test
    void emailsKeepTheirFirstLetterAndDomain() {
        assertThat(PiiMask.mask("buyer.email: 'jane.doe@example.com' is not valid"))
                .isEqualTo("buyer.email: 'j***@example.com' is not valid");
    }

    @Test
    void invalidAddressesAreMaskedToo() {
        assertThat(PiiMask.mask("'jane.doe@@example.com' and 'jane.doe@'"))
                .doesNotContain("jane.doe").contains("j***@example.com").contains("j***@'");
    }

    @Test
    void phoneNumbersLoseTheirDigits() {
        assertThat(PiiMask.mask("call +1 (555) 867-5309 or 03-5555-0100"))
                .isEqualTo("call *** or ***");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(PiiMask.mask("Case RC-12345 moved: items[0].quantity must be from 1 to 999"))
                .isEqualTo("Case RC-12345 moved: items[0].quantity must be from 1 to 999");
        assertThat(PiiMask.mask(null)).isNull();
    }
}

package com.returnsgateway.core.logging;

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

    @Test
    void amazonOrderFeedAndReportIdsStayReadable() {
        assertThat(PiiMask.mask("Amazon rejected the refund in feed 60000000002 (message 3): Order 113-5563091-2087745"
                + " has an open claim; returns report 50000000011 failed; buyer phone 614-555-0173"))
                .isEqualTo("Amazon rejected the refund in feed 60000000002 (message 3): Order 113-5563091-2087745"
                        + " has an open claim; returns report 50000000011 failed; buyer phone ***");
    }
}

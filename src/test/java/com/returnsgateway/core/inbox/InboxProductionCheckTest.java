package com.returnsgateway.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class InboxProductionCheckTest {

    private final InboxProductionCheck check = new InboxProductionCheck();

    @Test
    void anInboxWithoutTlsOrPasswordIsRefusedAndADisabledOneIsNotLookedAt() {
        assertThat(check.problems(new MockEnvironment().withProperty("gateway.inbox.protocol", "imap"))).isEmpty();
        MockEnvironment plain = new MockEnvironment().withProperty("gateway.inbox.enabled", "true")
                .withProperty("gateway.inbox.protocol", "imap");
        assertThat(check.problems(plain)).anyMatch(p -> p.contains("gateway.inbox.protocol is imap"))
                .anyMatch(p -> p.contains("gateway.inbox.password is empty"));
        MockEnvironment tls = new MockEnvironment().withProperty("gateway.inbox.enabled", "true")
                .withProperty("gateway.inbox.username", "returns@seller.example")
                .withProperty("gateway.inbox.password", "s3cret");
        assertThat(check.problems(tls)).isEmpty();
    }
}

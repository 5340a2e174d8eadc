package com.returnsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

/** The start-up banner says who to log in as, never a password (it may come from the environment). */
class SandboxBannerTest {

    @Test
    void theBannerNamesTheUserButNoPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("gateway.api.username", "ops-lead")
                .withProperty("gateway.api.password", "Pa55-given-in-the-environment")
                .withProperty("gateway.api.users.viewer.password", "viewer-Pa55-from-a-secret-file")
                .withProperty("local.server.port", "8080");
        Logger logger = (Logger) LoggerFactory.getLogger(SandboxBanner.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            new SandboxBanner(environment).ready();
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(lines.list).hasSize(1);
        String banner = lines.list.get(0).getFormattedMessage();
        assertThat(banner).contains("http://localhost:8080/api/cases").contains("user ops-lead")
                .doesNotContain("Pa55");
    }
}

package com.returnsgateway.sandbox.amazon;

import com.returnsgateway.testsupport.MutableClock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;

/**
 * The {@code Clock} bean of the Amazon simulator tests. Deliberately not a {@code @Configuration}: the simulators'
 * component scan covers this package, and only the tests that name this class should get a movable clock.
 */
class AmazonTestClock {

    static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }
}

package com.returnsgateway.sandbox.fourpx;

import com.returnsgateway.testsupport.MutableClock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;

/**
 * The {@code Clock} of the 4PX simulator tests: standing still, so every call falls in one rate window. Not a
 * {@code @Configuration}: the simulators' component scan covers this package, and only tests that name it get it.
 */
class FourPxTestClock {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    }
}

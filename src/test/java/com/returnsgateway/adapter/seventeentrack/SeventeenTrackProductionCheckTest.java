package com.returnsgateway.adapter.seventeentrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SeventeenTrackProductionCheckTest {

    private final SeventeenTrackProductionCheck check = new SeventeenTrackProductionCheck();

    @Test
    void noTrackingServiceIsNoProblem() {
        assertThat(check.problems(environment(Map.of()))).isEmpty();
        assertThat(check.problems(environment(Map.of("gateway.tracking.type", "")))).isEmpty();
    }

    @Test
    void seventeenTrackNeedsItsKeyAndHttps() {
        List<String> problems = check.problems(environment(Map.of("gateway.tracking.type", "17track",
                "gateway.tracking.17track.base-url", "http://api.17track.net/track/v2.2")));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("gateway.tracking.17track.api-key");
        assertThat(problems.get(1)).contains("gateway.tracking.17track.base-url", "https");
    }

    @Test
    void theDefaultsWithAKeyPass() {
        assertThat(check.problems(environment(Map.of("gateway.tracking.type", "17track",
                "gateway.tracking.17track.api-key", "a-real-key")))).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        return environment;
    }
}

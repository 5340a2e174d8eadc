package com.returnsgateway.adapter.seventeentrack;

import com.returnsgateway.core.config.ProductionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production 17TRACK needs its key (else every call and every webhook is refused) and an https base URL (the key
 * travels in a header of every call).
 */
@Component
public class SeventeenTrackProductionCheck implements ProductionCheck {

    @Override
    public List<String> problems(Environment environment) {
        if (!SeventeenTrackSettings.selected(environment)) {
            return List.of();
        }
        SeventeenTrackSettings settings = SeventeenTrackSettings.bind(environment);
        List<String> problems = new ArrayList<>();
        if (settings.apiKey().isBlank()) {
            problems.add("gateway.tracking.type is 17track but gateway.tracking.17track.api-key is empty: set it from "
                    + "the environment or a configtree secret");
        }
        if (!settings.baseUrl().strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add("gateway.tracking.17track.base-url must be https in production (the API key travels with "
                    + "every call): " + settings.baseUrl());
        }
        return problems;
    }
}

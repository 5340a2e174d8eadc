package com.returnsgateway.core.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a case's history: when, who or what acted, what happened, and how it ended. */
public record TimelineEvent(Instant at, String actor, String type, String message, @Nullable String outcome) {
}

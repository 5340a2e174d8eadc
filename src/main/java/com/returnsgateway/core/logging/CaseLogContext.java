package com.returnsgateway.core.logging;

import org.slf4j.MDC;

/**
 * The case a thread is working on, in the logging MDC under {@code caseId}: every log line written meanwhile carries
 * it (a field of the JSON logs, see README "Logs"). Opened around a piece of a case's work and closed after it, which
 * puts back what was there before, so the id never outlives the work on a pooled thread.
 */
public final class CaseLogContext {

    /** The MDC key, and the field name in the JSON logs. */
    public static final String KEY = "caseId";

    private CaseLogContext() {
    }

    /** While open, log lines of this thread carry {@code caseId}; null clears it for the while. */
    public static Scope open(String caseId) {
        String previous = MDC.get(KEY);
        put(caseId);
        return new Scope(previous);
    }

    /** No case on this thread from now on. */
    public static void clear() {
        MDC.remove(KEY);
    }

    private static void put(String caseId) {
        if (caseId == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, caseId);
        }
    }

    /** Closing puts back the case id that was there when the scope was opened. */
    public static final class Scope implements AutoCloseable {
        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            put(previous);
        }
    }
}

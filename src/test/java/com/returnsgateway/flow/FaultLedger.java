package com.returnsgateway.flow;

import java.util.ArrayList;
import java.util.List;

/** The fault suite's summary lines, printed again in full when the JVM ends. */
final class FaultLedger {

    private static final List<String> LINES = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LINES) {
                System.out.println("fault summary: " + LINES.size() + " scenarios");
                LINES.forEach(l -> System.out.println("  " + l));
            }
        }));
    }

    private FaultLedger() {
    }

    static void add(String line) {
        synchronized (LINES) {
            LINES.add(line);
        }
    }
}

package com.returnsgateway.core.config;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown the routes that bring in new work stop before anything else, so Camel's graceful shutdown only has
 * in-flight cases left to finish. They are the routes of group {@value #GROUP} in routes/*.camel.yaml (timers,
 * pollers, SFTP consumers); a test checks that every route started by a timer or a polling consumer is one.
 */
@Component
public class PollersStopFirst implements SmartLifecycle {

    public static final String GROUP = "pollers";
    /** Above Camel's own phase (and the web server's), so this stops first. */
    public static final int PHASE = Integer.MAX_VALUE;
    private static final Logger log = LoggerFactory.getLogger(PollersStopFirst.class);

    // looked up when stopping: taking the CamelContext in the constructor would start it before its routes load
    private final ObjectProvider<CamelContext> camelContext;
    private volatile boolean running;

    public PollersStopFirst(ObjectProvider<CamelContext> camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        CamelContext camel = camelContext.getIfAvailable();
        if (camel == null) {
            return;
        }
        List<String> pollers = camel.getRoutes().stream()
                .filter(route -> GROUP.equals(route.getGroup()))
                .map(Route::getRouteId)
                .sorted()
                .toList();
        for (String routeId : pollers) {
            try {
                camel.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Could not stop {} ahead of shutdown: {}", routeId, e.toString());
            }
        }
        log.info("Stopped taking new work ({}); finishing cases in flight", String.join(", ", pollers));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

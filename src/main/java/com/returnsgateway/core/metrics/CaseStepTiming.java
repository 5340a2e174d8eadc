package com.returnsgateway.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link CaseStepTimer} to Camel's event notifiers before the routes start. (With camel-spring-boot 4.22 an
 * EventNotifier bean was not among the notifiers of the running context; an InterceptStrategy bean is picked up.)
 */
@Component
public class CaseStepTiming implements CamelContextConfiguration {

    private final CaseStepTimer timer;

    public CaseStepTiming(MeterRegistry meters) {
        this.timer = new CaseStepTimer(meters);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getManagementStrategy().addEventNotifier(timer);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }
}

package com.returnsgateway.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The steps of a case's work are timed by the route they call, ok or failed; work on no case is not timed. */
class CaseStepTimerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CamelContext camel;

    @BeforeEach
    void routes() throws Exception {
        camel = new DefaultCamelContext();
        camel.getManagementStrategy().addEventNotifier(new CaseStepTimer(meters));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:work").routeId("work")
                        .to("direct:shipment-status")
                        .to("direct:decide");
                from("direct:shipment-status").routeId("shipment-status").errorHandler(noErrorHandler())
                        .to("direct:remote-call");
                from("direct:remote-call").routeId("remote-call").errorHandler(noErrorHandler())
                        .filter(variable("fail")).throwException(new IllegalStateException("forwarder down"));
                from("direct:decide").routeId("decide").errorHandler(noErrorHandler()).log("decided");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void eachStepOfACaseIsTimedByItsRouteId() {
        send(true, false);
        send(true, false);

        assertThat(timer("shipment-status", "ok").count()).isEqualTo(2);
        assertThat(timer("remote-call", "ok").count()).isEqualTo(2);
        assertThat(timer("decide", "ok").count()).isEqualTo(2);
        assertThat(meters.find("gateway.case.step").timers())
                .allSatisfy(t -> assertThat(t.getId().getTags()).extracting("key").containsOnly("step", "outcome"));
    }

    @Test
    void aStepThatThrowsIsTimedAsFailed() {
        send(true, true);

        assertThat(timer("remote-call", "failed").count()).isEqualTo(1);
        assertThat(timer("shipment-status", "failed").count()).isEqualTo(1);
        assertThat(meters.find("gateway.case.step").tag("step", "decide").timer()).as("never reached").isNull();
    }

    @Test
    void workOnNoCaseIsNotTimed() {
        send(false, false);

        assertThat(meters.find("gateway.case.step").timers()).isEmpty();
    }

    private void send(boolean withCase, boolean fail) {
        Exchange exchange = new DefaultExchange(camel);
        if (withCase) {
            exchange.setVariable("caseId", "RC-TEST000001");
        }
        exchange.setVariable("fail", fail);
        camel.createProducerTemplate().send("direct:work", exchange);
    }

    private Timer timer(String step, String outcome) {
        Timer timer = meters.find("gateway.case.step").tag("step", step).tag("outcome", outcome).timer();
        assertThat(timer).as("%s %s", step, outcome).isNotNull();
        return timer;
    }
}

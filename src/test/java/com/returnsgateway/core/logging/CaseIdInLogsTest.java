package com.returnsgateway.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Each step runs with its exchange's case in the MDC, and nothing of it is left on the thread afterwards. */
class CaseIdInLogsTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private CamelContext camel;

    @BeforeEach
    void routes() throws Exception {
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().addInterceptStrategy(new CaseIdInLogs());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a sweep over waiting cases: one split item per case
                from("direct:sweep").routeId("sweep")
                        .process(e -> seen.add("before:" + MDC.get(CaseLogContext.KEY)))
                        .split(body())
                            .setVariable("caseId", simple("${body}"))
                            .to("direct:step")
                        .end()
                        .process(e -> seen.add("after:" + MDC.get(CaseLogContext.KEY)));
                from("direct:step").routeId("step")
                        .process(e -> seen.add("step:" + MDC.get(CaseLogContext.KEY)))
                        // a bean's remote call: an exchange of its own, without the case id
                        .process(e -> e.getContext().createProducerTemplate().sendBody("direct:remote-call", "x"))
                        .process(e -> seen.add("step after call:" + MDC.get(CaseLogContext.KEY)));
                from("direct:remote-call").routeId("remote-call")
                        .process(e -> seen.add("remote-call:" + MDC.get(CaseLogContext.KEY)));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void everyStepOfACaseCarriesItsIdAndTheThreadIsCleanAfter() {
        camel.createProducerTemplate().sendBody("direct:sweep", List.of("RC-AAAAAAAAAA", "RC-BBBBBBBBBB"));

        assertThat(seen).containsExactly("before:null",
                "step:RC-AAAAAAAAAA", "remote-call:RC-AAAAAAAAAA", "step after call:RC-AAAAAAAAAA",
                "step:RC-BBBBBBBBBB", "remote-call:RC-BBBBBBBBBB", "step after call:RC-BBBBBBBBBB",
                "after:null");
        assertThat(MDC.get(CaseLogContext.KEY)).isNull();
    }

    @Test
    void aScopeOpenedInJavaPutsBackWhatWasThere() {
        try (CaseLogContext.Scope outer = CaseLogContext.open("RC-AAAAAAAAAA")) {
            try (CaseLogContext.Scope inner = CaseLogContext.open("RC-BBBBBBBBBB")) {
                assertThat(MDC.get(CaseLogContext.KEY)).isEqualTo("RC-BBBBBBBBBB");
            }
            assertThat(MDC.get(CaseLogContext.KEY)).isEqualTo("RC-AAAAAAAAAA");
        }
        assertThat(MDC.get(CaseLogContext.KEY)).isNull();
    }
}

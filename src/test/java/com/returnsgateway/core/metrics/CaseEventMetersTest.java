package com.returnsgateway.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.config.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case events become counters once the change they tell of is committed: published as the gateway publishes them (a
 * Spring application event, in the step's transaction), here with a transaction manager that holds no resource.
 */
class CaseEventMetersTest {

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Beans.class);
    private final MeterRegistry meters = context.getBean(MeterRegistry.class);
    private final TransactionTemplate transaction = new TransactionTemplate(context.getBean(
            PlatformTransactionManager.class));

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void interceptsAreCountedByForwarderAndOutcome() {
        publish(CaseEvent.Type.INTERCEPT_REQUESTED, Map.of("forwarder", "4px", "waybill", "4PX123"));
        publish(CaseEvent.Type.INTERCEPT_ACCEPTED, Map.of("forwarder", "4px"));
        publish(CaseEvent.Type.INTERCEPT_REQUESTED, Map.of("forwarder", "yanwen"));
        publish(CaseEvent.Type.INTERCEPT_REJECTED, Map.of("forwarder", "yanwen"));

        assertThat(count("gateway.intercepts", "forwarder", "4px", "outcome", "requested")).isEqualTo(1);
        assertThat(count("gateway.intercepts", "forwarder", "4px", "outcome", "accepted")).isEqualTo(1);
        assertThat(count("gateway.intercepts", "forwarder", "4px", "outcome", "rejected")).as("there from the start")
                .isZero();
        assertThat(count("gateway.intercepts", "forwarder", "yanwen", "outcome", "rejected")).isEqualTo(1);
    }

    @Test
    void refundsAreCountedByCurrencyWithTheirAmounts() {
        publish(CaseEvent.Type.REFUND_SENT, Map.of("amount", "39.99", "currency", "USD", "refundType", "FULL"));
        publish(CaseEvent.Type.REFUND_SENT, Map.of("amount", "10.01", "currency", "USD"));
        publish(CaseEvent.Type.REFUND_ACCEPTED, Map.of("amount", "39.99", "currency", "USD"));
        publish(CaseEvent.Type.REFUND_REJECTED, Map.of("amount", "4980", "currency", "JPY"));

        assertThat(count("gateway.refunds", "currency", "USD", "outcome", "sent")).isEqualTo(2);
        assertThat(count("gateway.refunds", "currency", "USD", "outcome", "accepted")).isEqualTo(1);
        assertThat(count("gateway.refunds", "currency", "JPY", "outcome", "rejected")).isEqualTo(1);
        var sent = meters.get("gateway.refunds.amount").tag("currency", "USD").tag("outcome", "sent").summary();
        assertThat(sent.count()).isEqualTo(2);
        assertThat(sent.totalAmount()).isEqualTo(50.0);
    }

    @Test
    void tagsStayFewWhateverAnEventSays() {
        publish(CaseEvent.Type.INTERCEPT_REQUESTED, Map.of("forwarder", "made-up-" + System.nanoTime()));
        publish(CaseEvent.Type.REFUND_SENT, Map.of("amount", "not a number", "currency", "dollars"));
        publish(CaseEvent.Type.REFUND_SENT, Map.of());

        assertThat(count("gateway.intercepts", "forwarder", "unknown", "outcome", "requested")).isEqualTo(1);
        assertThat(count("gateway.refunds", "currency", "unknown", "outcome", "sent")).isEqualTo(2);
        assertThat(meters.find("gateway.refunds.amount").summaries()).as("no amount to record").isEmpty();
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().startsWith("RC-") || tag.getKey().equals("caseId")));
    }

    @Test
    void aChangeRolledBackIsNotCounted() {
        transaction.executeWithoutResult(status -> {
            publishNow(CaseEvent.Type.INTERCEPT_REQUESTED, Map.of("forwarder", "4px"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                publishNow(CaseEvent.Type.INTERCEPT_REQUESTED, Map.of("forwarder", "4px")));

        assertThat(count("gateway.intercepts", "forwarder", "4px", "outcome", "requested")).isEqualTo(1);
    }

    @Test
    void anEventOutsideATransactionCountsAtOnce() {
        publishNow(CaseEvent.Type.INTERCEPT_ACCEPTED, Map.of("forwarder", "4px"));

        assertThat(count("gateway.intercepts", "forwarder", "4px", "outcome", "accepted")).isEqualTo(1);
    }

    private void publish(CaseEvent.Type type, Map<String, String> details) {
        transaction.executeWithoutResult(status -> publishNow(type, details));
    }

    private void publishNow(CaseEvent.Type type, Map<String, String> details) {
        context.publishEvent(new CaseEvent("RC-TEST000001", type, Instant.now(), details));
    }

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Beans {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        GatewayProperties gatewayProperties() {
            return new Binder(new MapConfigurationPropertySource(Map.of(
                    "gateway.forwarders.4px.type", "4px",
                    "gateway.forwarders.yanwen.type", "yanwen")))
                    .bindOrCreate("gateway", Bindable.of(GatewayProperties.class));
        }

        @Bean
        CaseEventMeters caseEventMeters(MeterRegistry meters, GatewayProperties properties) {
            return new CaseEventMeters(meters, properties);
        }

        /** Transactions that hold nothing: what is tested is when after-commit listeners run. */
        @Bean
        PlatformTransactionManager transactionManager() {
            return new AbstractPlatformTransactionManager() {
                @Override
                protected Object doGetTransaction() {
                    return new Object();
                }

                @Override
                protected void doBegin(Object transaction, TransactionDefinition definition) {
                }

                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                }

                @Override
                protected void doRollback(DefaultTransactionStatus status) {
                }
            };
        }
    }
}

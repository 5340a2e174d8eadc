package com.returnsgateway.core.webhooks;

import com.returnsgateway.core.cases.CaseEvent;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each case event into the webhook outbox, synchronously, in the transaction of the change it tells of: the
 * event with its body, and a delivery for every active endpoint that subscribes to its type. Rolled back with the
 * change, committed with it, so the back office hears of exactly what happened, at least once.
 */
@Component
public class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookSettings settings;
    private final WebhookDeliveryStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public WebhookOutbox(WebhookSettings settings, WebhookDeliveryStore store, JdbcClient jdbc,
                         TransactionTemplate transaction, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener
    public void on(CaseEvent event) {
        List<String> endpoints = settings.subscribersOf(event.type());
        if (endpoints.isEmpty()) {
            return; // no endpoint wants it (or none is configured): nothing is written
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(event, endpoints);
        } else {
            // a publisher outside any transaction is a bug to fix there: the rows still go in together
            log.warn("Case {}: event {} was published outside a transaction; its webhook rows are committed on their"
                    + " own", event.caseId(), event.type().externalName());
            transaction.executeWithoutResult(tx -> write(event, endpoints));
        }
    }

    private void write(CaseEvent event, List<String> endpoints) {
        UUID eventId = UUID.randomUUID();
        WebhookBody.CaseFacts facts = jdbc.sql("""
                        SELECT marketplace, return_id, order_id, status FROM return_case WHERE case_id = :id""")
                .param("id", event.caseId())
                .query((rs, n) -> new WebhookBody.CaseFacts(rs.getString("marketplace"), rs.getString("return_id"),
                        rs.getString("order_id"), rs.getString("status")))
                .optional()
                .orElse(new WebhookBody.CaseFacts(null, null, null, null));
        store.write(eventId, event.caseId(), event.type().externalName(), event.at(),
                WebhookBody.of(eventId, event, facts), endpoints, clock.instant());
    }
}

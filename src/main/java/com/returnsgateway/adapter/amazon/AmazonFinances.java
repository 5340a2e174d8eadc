package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.adapter.amazon.format.RefundEvents;
import com.returnsgateway.core.remote.RemoteCallException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Amazon already refunded on an order, from the Finances API v0 (listFinancialEventsByOrderId), every page.
 * Asked before the gateway pays an Amazon refund it has no record of: a return read again into a lost or new database
 * must not be refunded a second time.
 */
@Component
public class AmazonFinances {

    private static final Logger log = LoggerFactory.getLogger(AmazonFinances.class);

    private final SpApiClient client;

    public AmazonFinances(SpApiClient client) {
        this.client = client;
    }

    /**
     * The order's refund events, oldest page first; empty when Amazon has none or does not know the order (then the
     * refund itself fails on the unknown order).
     *
     * @throws RemoteCallException transient for Amazon's rate limit or outages; permanent for an answer that cannot be
     *                             read, which must not pass for "nothing refunded"
     */
    public List<RefundEvents.Event> refundEvents(String account, String orderId) {
        List<RefundEvents.Event> events = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String nextToken = null;
        do {
            SpApiClient.Response answer;
            try {
                answer = client.financialEventsByOrderId(account, orderId, nextToken);
            } catch (SpApiException e) {
                if (e.status() == 404 && nextToken == null) {
                    log.warn("Amazon {} has no financial events for order {}: it does not know the order", account,
                            orderId);
                    return List.of();
                }
                throw e;
            }
            RefundEvents.Page page;
            try {
                page = RefundEvents.parse(answer.json());
            } catch (RefundEvents.UnreadableException e) {
                throw RemoteCallException.permanent("Amazon " + account + " listFinancialEventsByOrderId for order "
                        + orderId + " answered what the gateway cannot read (" + e.getMessage() + "), so it cannot"
                        + " tell what Amazon already refunded; not paid: check in Seller Central");
            }
            for (RefundEvents.Event event : page.events()) {
                if (event.orderId() != null && !event.orderId().equals(orderId)) {
                    throw RemoteCallException.permanent("Amazon " + account + " answered the financial events of order "
                            + orderId + " with a refund event of order " + event.orderId() + "; not paid: check in"
                            + " Seller Central");
                }
                events.add(event);
            }
            nextToken = page.nextToken();
            if (nextToken != null && !tokens.add(nextToken)) {
                throw RemoteCallException.permanent("Amazon " + account + " answered the financial events of order "
                        + orderId + " with the same NextToken twice; not paid: check in Seller Central");
            }
        } while (nextToken != null);
        return events;
    }
}

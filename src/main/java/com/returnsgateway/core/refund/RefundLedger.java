package com.returnsgateway.core.refund;

import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refund ledger per order line. Across every return of one order (marketplace, orderId), what a line (SKU) gets
 * back never exceeds what was paid for it: unit price times the quantity bought, the largest any request of the
 * order states (its {@code orderedQuantity}, else the quantity returned). A refund is spread over its lines in
 * proportion to their value (a full refund gives each line its value).
 */
@Component
public class RefundLedger {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RefundLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Books the case's refund on its order's lines, or says why not. Call in the transaction that stores the refund
     * instruction: the order's lock is held until it commits, so two returns of one order are booked one after the
     * other, never both against the same remaining amount.
     */
    public Optional<String> book(ReturnCase returnCase, Money refund) {
        ReturnRequest request = returnCase.request();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:order, 0))")
                .param("order", request.marketplace() + "\n" + request.orderId())
                .query((rs, n) -> n).list();
        Map<String, Money> shares = allocate(request.items(), refund);
        List<String> overruns = overruns(shares, paidPerLine(request, refund.currency()),
                refundedByOthers(returnCase.caseId(), request));
        if (!overruns.isEmpty()) {
            return Optional.of("Refund of " + refund + " not made: order " + request.orderId()
                    + " would get back more than was paid for " + String.join("; ", overruns)
                    + ". A person must decide");
        }
        shares.forEach((sku, share) -> jdbc.sql("""
                        INSERT INTO refund_ledger (case_id, marketplace, order_id, sku, amount, currency)
                        VALUES (:caseId, :marketplace, :orderId, :sku, :amount, :currency)
                        ON CONFLICT (case_id, sku) DO NOTHING""")
                .param("caseId", returnCase.caseId())
                .param("marketplace", request.marketplace())
                .param("orderId", request.orderId())
                .param("sku", sku)
                .param("amount", share.amount())
                .param("currency", share.currency())
                .update());
        return Optional.empty();
    }

    /**
     * What the ledger still lets this case refund: per line of its request, its value, but no more than was paid for
     * the line less what other returns of the order got back. An offer made within this is booked when accepted,
     * unless another return of the order was refunded meanwhile.
     */
    public Money refundable(ReturnCase returnCase) {
        ReturnRequest request = returnCase.request();
        String currency = request.currency();
        Map<String, Money> paid = paidPerLine(request, currency);
        Map<String, Money> before = refundedByOthers(returnCase.caseId(), request);
        Money total = Money.zero(currency);
        for (ReturnItem item : request.items()) {
            Money line = paid.getOrDefault(item.sku(), Money.zero(currency));
            Money already = before.getOrDefault(item.sku(), Money.zero(currency));
            if (!already.currency().equals(currency)) {
                continue;
            }
            Money left = new Money(line.amount().subtract(already.amount()), currency);
            Money share = left.isLessThan(item.total()) ? left : item.total();
            if (share.isPositive()) {
                total = total.plus(share);
            }
        }
        return total;
    }

    /** Per SKU: the most any request of the order (this one included) says the line was paid, in this currency. */
    private Map<String, Money> paidPerLine(ReturnRequest request, String currency) {
        List<ReturnRequest> requests = new ArrayList<>(jdbc.sql("""
                        SELECT request::text FROM return_case WHERE marketplace = :marketplace AND order_id = :orderId""")
                .param("marketplace", request.marketplace())
                .param("orderId", request.orderId())
                .query(String.class)
                .list().stream().map(text -> json.readValue(text, ReturnRequest.class)).toList());
        requests.add(request);
        Map<String, Money> paid = new HashMap<>();
        for (ReturnRequest r : requests) {
            for (ReturnItem item : r.items()) {
                if (item.unitPrice().currency().equals(currency)) {
                    paid.merge(item.sku(), item.linePaid(), (a, b) -> a.isLessThan(b) ? b : a);
                }
            }
        }
        return paid;
    }

    private Map<String, Money> refundedByOthers(String caseId, ReturnRequest request) {
        Map<String, Money> refunded = new HashMap<>();
        jdbc.sql("""
                        SELECT sku, sum(amount) AS amount, currency FROM refund_ledger
                        WHERE marketplace = :marketplace AND order_id = :orderId AND case_id <> :caseId
                        GROUP BY sku, currency""")
                .param("marketplace", request.marketplace())
                .param("orderId", request.orderId())
                .param("caseId", caseId)
                .query((rs, n) -> refunded.put(rs.getString("sku"),
                        new Money(rs.getBigDecimal("amount"), rs.getString("currency").trim())))
                .list();
        return refunded;
    }

    /** The refund spread over the lines in proportion to their value; the last line takes the rounding remainder. */
    static Map<String, Money> allocate(List<ReturnItem> items, Money refund) {
        BigDecimal total = BigDecimal.ZERO;
        for (ReturnItem item : items) {
            total = total.add(item.total().amount());
        }
        Map<String, Money> shares = new LinkedHashMap<>();
        BigDecimal left = refund.amount();
        for (int i = 0; i < items.size(); i++) {
            ReturnItem item = items.get(i);
            BigDecimal share = i == items.size() - 1 ? left : refund.amount().multiply(item.total().amount())
                    .divide(total, refund.amount().scale(), RoundingMode.DOWN);
            shares.put(item.sku(), new Money(share, refund.currency()));
            left = left.subtract(share);
        }
        return shares;
    }

    /** The lines this refund would take over what was paid for them, each said with its figures. */
    static List<String> overruns(Map<String, Money> shares, Map<String, Money> paid, Map<String, Money> before) {
        List<String> overruns = new ArrayList<>();
        shares.forEach((sku, share) -> {
            Money line = paid.getOrDefault(sku, Money.zero(share.currency()));
            Money already = before.getOrDefault(sku, Money.zero(share.currency()));
            if (!already.currency().equals(share.currency())) {
                overruns.add("line " + sku + " (other returns refunded it in " + already.currency() + ", this one is in "
                        + share.currency() + ")");
            } else if (already.plus(share).isGreaterThan(line)) {
                overruns.add("line " + sku + " (paid " + line + ", refunded by other returns " + already
                        + ", this refund " + share + ")");
            }
        });
        return overruns;
    }
}

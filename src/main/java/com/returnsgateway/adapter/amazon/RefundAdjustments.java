package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.AmazonAccount;
import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed;
import com.returnsgateway.adapter.amazon.format.RefundAllocation;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundInstruction;
import com.returnsgateway.core.model.RefundReason;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.refund.RefundRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One case's refund as an OrderAdjustment message: its order's item codes from the Orders API, the refund spread
 * over the returned lines, the tax handled as the order's marketplace requires, Amazon's reason for it.
 */
@Component
public class RefundAdjustments {

    private final Cases cases;
    private final RefundRepository refunds;
    private final AmazonOrders orders;
    private final AmazonAccounts accounts;

    public RefundAdjustments(Cases cases, RefundRepository refunds, AmazonOrders orders,
                             AmazonAccounts accounts) {
        this.cases = cases;
        this.refunds = refunds;
        this.orders = orders;
        this.accounts = accounts;
    }

    /**
     * @throws IllegalStateException when the refund cannot be expressed to Amazon (order or SKU unknown there); the
     *                               message says why
     */
    public OrderAdjustmentFeed.Message message(String account, String caseId, int messageId) {
        ReturnCase returnCase = cases.get(caseId);
        return new OrderAdjustmentFeed.Message(messageId, returnCase.request().orderId(),
                allocation(account, returnCase).items());
    }

    /**
     * The Principal this case's refund gives back per SKU, as its message would send it (with a tax split, Principal
     * is the net part): what Amazon's financial events report per SKU, to compare with.
     *
     * @throws IllegalStateException as {@link #message}
     */
    public Map<String, Money> principalBySku(String account, String caseId) {
        ReturnCase returnCase = cases.get(caseId);
        Allocation allocation = allocation(account, returnCase);
        Map<String, Money> principal = new LinkedHashMap<>();
        for (OrderAdjustmentFeed.AdjustedItem item : allocation.items()) {
            String sku = allocation.skuByOrderItem().get(item.amazonOrderItemCode());
            item.components().stream().filter(c -> "Principal".equals(c.type()))
                    .forEach(c -> principal.merge(sku, c.amount(), Money::plus));
        }
        return principal;
    }

    /** The adjusted items, and the SKU of each order item they name. */
    private record Allocation(List<OrderAdjustmentFeed.AdjustedItem> items, Map<String, String> skuByOrderItem) {
    }

    private Allocation allocation(String account, ReturnCase returnCase) {
        String caseId = returnCase.caseId();
        RefundInstruction refund = refunds.findByCase(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no planned refund"));
        String orderId = returnCase.request().orderId();
        AmazonOrder order = orders.storedOrFetch(account, orderId).orElseThrow(() -> new IllegalStateException(
                "Amazon's Orders API does not know order " + orderId + ", so the refund cannot name its order items"));
        List<RefundAllocation.Line> lines = new ArrayList<>();
        Map<String, String> skuByOrderItem = new LinkedHashMap<>();
        for (ReturnItem item : returnCase.request().items()) {
            AmazonOrder.Item line = order.itemBySku(item.sku()).orElseThrow(() -> new IllegalStateException(
                    "order " + orderId + " has no item with SKU " + item.sku() + " at Amazon"));
            lines.add(new RefundAllocation.Line(line.orderItemId(), returnedValue(line, item)));
            skuByOrderItem.put(line.orderItemId(), item.sku());
        }
        AmazonAccount.Tax tax = accounts.get(account).tax(order.marketplaceId());
        return new Allocation(RefundAllocation.allocate(refund.amount(), lines,
                new RefundAllocation.TaxMode(tax.split(), tax.rate()), adjustmentReason(refund.reason()), caseId),
                skuByOrderItem);
    }

    /** What the returned quantity of an order line is worth: Amazon's line price is for the quantity ordered. */
    static Money returnedValue(AmazonOrder.Item line, ReturnItem item) {
        if (line.itemPrice() == null || line.quantityOrdered() <= 0) {
            return item.total();
        }
        BigDecimal unit = line.itemPrice().amount().divide(BigDecimal.valueOf(line.quantityOrdered()), 6,
                RoundingMode.HALF_UP);
        return new Money(unit.multiply(BigDecimal.valueOf(Math.min(item.quantity(), line.quantityOrdered()))),
                line.itemPrice().currency());
    }

    /** Amazon's AdjustmentReason for why the gateway refunds. */
    static String adjustmentReason(RefundReason reason) {
        return switch (reason) {
            case PARCEL_INTERCEPTED -> "CustomerCancel";
            case ORDER_CANCELLED -> "CouldNotShip";
            case RETURN_RECEIVED, RETURNLESS, RETURNED_TO_SENDER -> "CustomerReturn";
            case PARCEL_LOST -> "GeneralAdjustment";
        };
    }
}

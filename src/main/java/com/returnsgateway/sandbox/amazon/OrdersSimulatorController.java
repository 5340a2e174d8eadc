package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.node.ObjectNode;

/**
 * Orders API v0: getOrder and getOrderItems. Buyer PII (BuyerInfo and the full ShippingAddress) only reaches a call
 * made with a restricted data token granting {@code buyerInfo} / {@code shippingAddress} for that path; a plain
 * access token sees an empty BuyerInfo and only the address's city, region, postal code and country.
 */
@RestController
@RequestMapping(SpApiInterceptor.SP_ROOT + "/orders/v0/orders")
@SandboxEnabled
public class OrdersSimulatorController {

    private static final Map<String, String> SALES_CHANNELS = Map.of("ATVPDKIKX0DER", "Amazon.com",
            "A2EUQ1WTGCTBG2", "Amazon.ca", "A1AM78C64UM0Y8", "Amazon.com.mx", "A1PA6795UKMFR9", "Amazon.de",
            "A1F83G8C2ARO7P", "Amazon.co.uk", "A13V1IB3VIYZZH", "Amazon.fr", "APJ6JRA9NG5V4", "Amazon.it",
            "A1RKKUPIHCS9HS", "Amazon.es", "A1VC38T7YXB528", "Amazon.co.jp");

    private final SimulatedOrderBook orders;
    private final UnknownOrderAnswer unknownOrder;

    public OrdersSimulatorController(SimulatedOrderBook orders, UnknownOrderAnswer unknownOrder) {
        this.orders = orders;
        this.unknownOrder = unknownOrder;
    }

    @GetMapping("/{orderId}")
    @SpApi(SpOperation.GET_ORDER)
    public ObjectNode getOrder(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                               @PathVariable("orderId") String orderId) {
        SimulatedOrder order = orders.order(orderId).filter(o -> o.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> unknownOrder.refusal(orderId));
        Currency currency = Currency.getInstance(order.currency());
        ObjectNode answer = AmazonJson.object();
        ObjectNode o = answer.putObject("payload");
        o.put("AmazonOrderId", order.orderId());
        o.put("PurchaseDate", order.purchaseDate().toString());
        o.put("LastUpdateDate", order.purchaseDate().toString());
        o.put("OrderStatus", "Shipped");
        o.put("FulfillmentChannel", "MFN");
        o.put("SalesChannel", SALES_CHANNELS.getOrDefault(order.marketplaceId(), "Amazon"));
        o.set("OrderTotal", money(order.total(), currency));
        int quantity = order.items().stream().mapToInt(SimulatedOrder.Item::quantity).sum();
        o.put("NumberOfItemsShipped", quantity);
        o.put("NumberOfItemsUnshipped", 0);
        o.put("PaymentMethod", "Other");
        o.put("MarketplaceId", order.marketplaceId());
        o.put("OrderType", "StandardOrder");
        o.put("IsPrime", order.prime());
        o.put("IsBusinessOrder", false);
        ObjectNode buyerInfo = o.putObject("BuyerInfo");
        if (caller.grants("buyerInfo")) {
            buyerInfo.put("BuyerEmail", order.buyer().email());
            buyerInfo.put("BuyerName", order.buyer().name());
        }
        SimulatedOrder.Address a = order.buyer().address();
        ObjectNode address = o.putObject("ShippingAddress");
        boolean full = caller.grants("shippingAddress");
        if (full) {
            putIfPresent(address, "Name", a.name());
            putIfPresent(address, "AddressLine1", a.line1());
            putIfPresent(address, "AddressLine2", a.line2());
        }
        putIfPresent(address, "City", a.city());
        putIfPresent(address, "StateOrRegion", a.region());
        putIfPresent(address, "PostalCode", a.postalCode());
        putIfPresent(address, "CountryCode", a.country());
        if (full) {
            putIfPresent(address, "Phone", a.phone());
        }
        return answer;
    }

    @GetMapping("/{orderId}/orderItems")
    @SpApi(SpOperation.GET_ORDER_ITEMS)
    public ObjectNode getOrderItems(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                    @PathVariable("orderId") String orderId) {
        SimulatedOrder order = sellersOrder(caller, orderId);
        Currency currency = Currency.getInstance(order.currency());
        ObjectNode answer = AmazonJson.object();
        ObjectNode payload = answer.putObject("payload");
        payload.put("AmazonOrderId", order.orderId());
        var items = payload.putArray("OrderItems");
        for (SimulatedOrder.Item item : order.items()) {
            ObjectNode i = items.addObject();
            i.put("ASIN", item.asin());
            i.put("SellerSKU", item.sku());
            i.put("OrderItemId", item.orderItemId());
            i.put("Title", item.title());
            i.put("QuantityOrdered", item.quantity());
            i.put("QuantityShipped", item.quantity());
            i.set("ItemPrice", money(item.itemPrice(), currency));
            i.set("ShippingPrice", money(item.shippingPrice(), currency));
            i.set("ItemTax", money(item.itemTax(), currency));
        }
        return answer;
    }

    private SimulatedOrder sellersOrder(SpCaller caller, String orderId) {
        return orders.order(orderId).filter(o -> o.sellerId().equals(caller.sellerId()))
                .orElseThrow(() -> SpApiException.notFound("Order " + orderId + " not found."));
    }

    /** Amazon's Money: the amount as a string with the currency's digits. */
    private static ObjectNode money(BigDecimal amount, Currency currency) {
        ObjectNode m = AmazonJson.object();
        m.put("CurrencyCode", currency.getCurrencyCode());
        m.put("Amount", AmazonJson.plain(amount, currency));
        return m;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}

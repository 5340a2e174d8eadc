package com.returnsgateway.adapter.amazon;

import com.returnsgateway.adapter.amazon.api.AmazonAccounts;
import com.returnsgateway.adapter.amazon.api.SpApiClient;
import com.returnsgateway.adapter.amazon.api.SpApiException;
import com.returnsgateway.adapter.amazon.api.SpApiOperation;
import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders API lookups: the order's marketplace and order item codes (a refund feed names them), and the buyer's email
 * and address. Those are restricted data: with the PII role the gateway asks for a restricted data token first; when
 * Amazon refuses it (or the account is set up without it) the order comes without them and the caller falls back.
 */
@Component
public class AmazonOrders {

    private static final Logger log = LoggerFactory.getLogger(AmazonOrders.class);
    private static final TypeReference<List<AmazonOrder.Item>> ITEMS = new TypeReference<>() {
    };

    private final SpApiClient client;
    private final AmazonAccounts accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Set<String> refusedRestrictedData = ConcurrentHashMap.newKeySet();

    public AmazonOrders(SpApiClient client, AmazonAccounts accounts, JdbcClient jdbc, JsonMapper json,
                        Clock clock) {
        this.client = client;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Asks Amazon about the order and keeps what a refund will need; empty when Amazon does not know the order. */
    public Optional<AmazonOrder> fetch(String account, String orderId) {
        String path = "/orders/v0/orders/" + SpApiClient.encode(orderId);
        String restrictedToken = restrictedDataToken(account, path);
        SpApiClient.Response order;
        try {
            order = restrictedToken == null ? client.get(account, SpApiOperation.GET_ORDER, path)
                    : client.getRestricted(account, SpApiOperation.GET_ORDER, path, restrictedToken);
        } catch (SpApiException e) {
            if (isUnknownOrder(e, orderId)) {
                log.warn("Amazon {} does not know order {}: {}", account, orderId, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
        JsonNode payload = order.json() == null ? null : order.json().get("payload");
        if (payload == null || !payload.isObject()) {
            throw new SpApiException("Amazon " + account + " getOrder " + orderId + " answered without a payload",
                    false, null, order.status(), null);
        }
        AmazonOrder result = new AmazonOrder(orderId, text(payload, "MarketplaceId"),
                text(payload.path("BuyerInfo"), "BuyerEmail"), text(payload.path("BuyerInfo"), "BuyerName"),
                address(payload.get("ShippingAddress")), items(account, orderId));
        store(account, result);
        return Optional.of(result);
    }

    /**
     * Whether getOrder's refusal means Amazon does not know the order. The Orders API v0 model documents both 404
     * (NotFound) and 400 (InvalidInput) for getOrder, and Amazon answers an order id it cannot find either way; a 400
     * counts only when its code is InvalidInput and its message is about the order id, so a 400 about anything else
     * (a bad request of ours) still fails the call.
     */
    static boolean isUnknownOrder(SpApiException e, String orderId) {
        if (e.status() == 404) {
            return true;
        }
        if (e.status() != 400 || !"InvalidInput".equals(e.code()) || e.errorMessage() == null) {
            return false;
        }
        String message = e.errorMessage().toLowerCase(java.util.Locale.ROOT);
        return message.contains("orderid") || message.contains("order id")
                || !orderId.isBlank() && message.contains(orderId.toLowerCase(java.util.Locale.ROOT));
    }

    /** The order as stored when its return came in, or asked of Amazon again when it was not stored. */
    public Optional<AmazonOrder> storedOrFetch(String account, String orderId) {
        Optional<AmazonOrder> stored = jdbc.sql("""
                        SELECT marketplace_id, items FROM amazon_order WHERE account = :account AND order_id = :orderId""")
                .param("account", account)
                .param("orderId", orderId)
                .query((rs, n) -> new AmazonOrder(orderId, rs.getString("marketplace_id"), null, null, null,
                        json.readValue(rs.getString("items"), ITEMS)))
                .optional();
        return stored.isPresent() ? stored : fetch(account, orderId);
    }

    /** A restricted data token for the order's buyer info and address, or null without the PII role. */
    private String restrictedDataToken(String account, String path) {
        if (!accounts.get(account).restrictedData()) {
            return null;
        }
        Map<String, Object> resource = Map.of("method", "GET", "path", path,
                "dataElements", List.of("buyerInfo", "shippingAddress"));
        try {
            SpApiClient.Response response = client.post(account, SpApiOperation.CREATE_RESTRICTED_DATA_TOKEN,
                    "/tokens/2021-03-01/restrictedDataToken", Map.of("restrictedResources", List.of(resource)));
            return response.text("restrictedDataToken");
        } catch (SpApiException e) {
            if (e.isAccessDenied()) {
                // said once per account and run: it holds for every order until the role is granted
                if (refusedRestrictedData.add(account)) {
                    log.warn("Amazon {} refused a restricted data token (the application or seller lacks the role for"
                            + " buyer info); buyers' emails go to the fallback address: {}", account, e.getMessage());
                }
                return null;
            }
            throw e;
        }
    }

    private List<AmazonOrder.Item> items(String account, String orderId) {
        List<AmazonOrder.Item> items = new ArrayList<>();
        String next = null;
        do {
            String path = "/orders/v0/orders/" + SpApiClient.encode(orderId) + "/orderItems"
                    + (next == null ? "" : "?NextToken=" + SpApiClient.encode(next));
            JsonNode payload = client.get(account, SpApiOperation.GET_ORDER_ITEMS, path).json().path("payload");
            for (JsonNode item : payload.path("OrderItems")) {
                items.add(new AmazonOrder.Item(text(item, "OrderItemId"), text(item, "SellerSKU"), text(item, "ASIN"),
                        text(item, "Title"), item.path("QuantityOrdered").asInt(0), money(item.get("ItemPrice")),
                        money(item.get("ShippingPrice")), money(item.get("ItemTax"))));
            }
            next = text(payload, "NextToken");
        } while (next != null);
        return items;
    }

    private void store(String account, AmazonOrder order) {
        jdbc.sql("""
                        INSERT INTO amazon_order (account, order_id, marketplace_id, items, buyer_email_from_amazon,
                                                  fetched_at)
                        VALUES (:account, :orderId, :marketplaceId, CAST(:items AS JSONB), :fromAmazon, :now)
                        ON CONFLICT (account, order_id) DO UPDATE SET marketplace_id = :marketplaceId,
                               items = CAST(:items AS JSONB), buyer_email_from_amazon = :fromAmazon, fetched_at = :now""")
                .param("account", account)
                .param("orderId", order.orderId())
                .param("marketplaceId", order.marketplaceId())
                .param("items", json.writeValueAsString(order.items()))
                .param("fromAmazon", order.buyerEmail() != null)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static Address address(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return null;
        }
        return new Address(text(node, "Name"), text(node, "AddressLine1"), text(node, "AddressLine2"),
                text(node, "City"), text(node, "StateOrRegion"), text(node, "PostalCode"), text(node, "CountryCode"),
                text(node, "Phone"));
    }

    private static Money money(JsonNode node) {
        if (node == null || !node.hasNonNull("Amount") || !node.hasNonNull("CurrencyCode")) {
            return null;
        }
        return Money.of(node.get("Amount").asString(), node.get("CurrencyCode").asString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}

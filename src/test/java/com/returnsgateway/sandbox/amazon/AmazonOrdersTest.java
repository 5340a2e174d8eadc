package com.returnsgateway.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.returnsgateway.testsupport.Http;

import tools.jackson.databind.JsonNode;

class AmazonOrdersTest extends AmazonSimulatorWebTest {

    private static final String ORDER_ID = "113-7720145-9981306";
    private static final String ORDER = "/orders/v0/orders/" + ORDER_ID;
    private static final String RDT = "/tokens/2021-03-01/restrictedDataToken";

    private static Map<String, Object> rdtRequest(String path, List<String> dataElements) {
        return Map.of("restrictedResources", List.of(Map.of("method", "GET", "path", path,
                "dataElements", dataElements)));
    }

    @Test
    void aPlainAccessTokenSeesNoBuyerPii() {
        JsonNode order = spGet(accessToken(US_REFRESH_TOKEN), ORDER).json().get("payload");
        assertThat(order.get("AmazonOrderId").stringValue()).isEqualTo(ORDER_ID);
        assertThat(order.get("OrderStatus").stringValue()).isEqualTo("Shipped");
        assertThat(order.get("FulfillmentChannel").stringValue()).isEqualTo("MFN");
        assertThat(order.get("MarketplaceId").stringValue()).isEqualTo(US);
        assertThat(order.get("PurchaseDate").stringValue()).isEqualTo(now().minus(Duration.ofDays(12)).toString());
        assertThat(order.get("OrderTotal").get("CurrencyCode").stringValue()).isEqualTo("USD");
        assertThat(order.get("OrderTotal").get("Amount").stringValue()).isEqualTo("97.19");
        assertThat(order.get("BuyerInfo").isObject()).isTrue();
        assertThat(order.get("BuyerInfo").isEmpty()).isTrue();
        JsonNode address = order.get("ShippingAddress");
        assertThat(address.propertyNames()).containsExactlyInAnyOrder("City", "StateOrRegion", "PostalCode",
                "CountryCode");
        assertThat(address.get("City").stringValue()).isEqualTo("San Diego");
    }

    @Test
    void aRestrictedDataTokenUnlocksThePiiOfThePathsItNames() {
        String token = accessToken(US_REFRESH_TOKEN);
        Http.Reply issued = spPost(token, RDT, rdtRequest("/orders/v0/orders/{orderId}",
                List.of("buyerInfo", "shippingAddress")));
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        String rdt = issued.json().get("restrictedDataToken").stringValue();
        assertThat(rdt).startsWith("Atz.sprdt|");
        assertThat(issued.json().get("expiresIn").intValue()).isEqualTo(3600);

        JsonNode order = spGet(rdt, ORDER).json().get("payload");
        assertThat(order.get("BuyerInfo").get("BuyerEmail").stringValue()).endsWith("@marketplace.amazon.example");
        assertThat(order.get("BuyerInfo").get("BuyerName").stringValue()).isEqualTo("James Whitaker");
        JsonNode address = order.get("ShippingAddress");
        assertThat(address.get("Name").stringValue()).isEqualTo("James Whitaker");
        assertThat(address.get("AddressLine1").stringValue()).isEqualTo("88 Harbor View Drive");
        assertThat(address.get("AddressLine2").stringValue()).isEqualTo("Unit 12");
        assertThat(address.get("City").stringValue()).isEqualTo("San Diego");
        assertThat(address.get("StateOrRegion").stringValue()).isEqualTo("CA");
        assertThat(address.get("PostalCode").stringValue()).isEqualTo("92101");
        assertThat(address.get("CountryCode").stringValue()).isEqualTo("US");
        assertThat(address.get("Phone").stringValue()).isEqualTo("+1 619-555-0128");
        // the generic path covers every order of the seller
        assertThat(spGet(rdt, "/orders/v0/orders/113-2298810-4416729").json().get("payload").get("BuyerInfo")
                .get("BuyerName").stringValue()).isEqualTo("Sophia Martinez");

        // an RDT works only for the paths it lists
        Http.Reply items = spGet(rdt, ORDER + "/orderItems");
        assertThat(items.status()).isEqualTo(403);
        assertThat(firstError(items).get("code").stringValue()).isEqualTo("Unauthorized");
        assertThat(spGet(rdt, "/reports/2021-06-30/reports/1").status()).isEqualTo(403);

        // a token for one order and one data element
        String narrow = spPost(token, RDT, rdtRequest(ORDER, List.of("buyerInfo"))).json()
                .get("restrictedDataToken").stringValue();
        JsonNode partial = spGet(narrow, ORDER).json().get("payload");
        assertThat(partial.get("BuyerInfo").has("BuyerEmail")).isTrue();
        assertThat(partial.get("ShippingAddress").has("AddressLine1")).isFalse();
        assertThat(spGet(narrow, "/orders/v0/orders/113-2298810-4416729").status()).isEqualTo(403);

        advance(Duration.ofHours(1));
        Http.Reply expired = spGet(rdt, ORDER);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(firstError(expired).get("details").stringValue()).contains("expired");
        assertThat(http.get("/sandbox/amazon/stats").json().get("restrictedDataTokens").intValue()).isEqualTo(2);
    }

    @Test
    void aSellerWithoutThePiiRoleGetsNoRestrictedDataToken() {
        String token = accessToken(JP_REFRESH_TOKEN);
        Http.Reply refused = spPost(token, RDT, rdtRequest("/orders/v0/orders/{orderId}",
                List.of("buyerInfo", "shippingAddress")));
        assertThat(refused.status()).isEqualTo(403);
        JsonNode error = firstError(refused);
        assertThat(error.get("code").stringValue()).isEqualTo("Unauthorized");
        assertThat(error.get("message").stringValue()).isEqualTo("Application does not have access to one or more "
                + "requested data elements: [buyerInfo, shippingAddress]");
        JsonNode order = spGet(token, "/orders/v0/orders/503-3318842-7705126").json().get("payload");
        assertThat(order.get("BuyerInfo").isEmpty()).isTrue();
        assertThat(order.get("ShippingAddress").get("City").stringValue()).isEqualTo("渋谷区");
        assertThat(order.get("OrderTotal").get("Amount").stringValue()).isEqualTo("3480");
        assertThat(order.get("OrderTotal").get("CurrencyCode").stringValue()).isEqualTo("JPY");
    }

    @Test
    void restrictedDataTokensCoverTheOrdersPathsAndDataElementsOfTheTokensModel() {
        String token = accessToken(US_REFRESH_TOKEN);
        List<String> all = List.of("buyerInfo", "shippingAddress", "buyerTaxInformation");
        for (String path : List.of("/orders/v0/orders", "/orders/v0/orders/{orderId}", ORDER,
                "/orders/v0/orders/{orderId}/address", ORDER + "/address", "/orders/v0/orders/{orderId}/buyerInfo",
                ORDER + "/buyerInfo", "/orders/v0/orders/{orderId}/orderItems", ORDER + "/orderItems",
                "/orders/v0/orders/{orderId}/orderItems/buyerInfo")) {
            Http.Reply issued = spPost(token, RDT, rdtRequest(path, all));
            assertThat(issued.status()).as(path + ": " + issued.text()).isEqualTo(200);
            assertThat(issued.json().get("restrictedDataToken").stringValue()).startsWith("Atz.sprdt|");
            advance(Duration.ofSeconds(1)); // createRestrictedDataToken: 1/s, burst 10
        }
        // buyerTaxInformation alone: the token covers getOrder, and unlocks neither buyer info nor the address
        String taxOnly = spPost(token, RDT, rdtRequest(ORDER, List.of("buyerTaxInformation"))).json()
                .get("restrictedDataToken").stringValue();
        JsonNode order = spGet(taxOnly, ORDER).json().get("payload");
        assertThat(order.get("AmazonOrderId").stringValue()).isEqualTo(ORDER_ID);
        assertThat(order.get("BuyerInfo").isEmpty()).isTrue();
        assertThat(order.get("ShippingAddress").has("AddressLine1")).isFalse();
        // a token for the getOrders path does not cover a single order's path
        String list = spPost(token, RDT, rdtRequest("/orders/v0/orders", List.of("buyerInfo"))).json()
                .get("restrictedDataToken").stringValue();
        assertThat(spGet(list, ORDER).status()).isEqualTo(403);
    }

    @Test
    void refusesRestrictedDataTokensForOtherResources() {
        String token = accessToken(US_REFRESH_TOKEN);
        assertThat(spPost(token, RDT, rdtRequest("/reports/2021-06-30/reports", List.of())).status()).isEqualTo(400);
        assertThat(spPost(token, RDT, rdtRequest(ORDER, List.of("buyerTaxInfo"))).status()).isEqualTo(400);
        for (String path : List.of("/orders/v0/orders/", "/orders/v0", "/orders/v0/orders/{orderId}/shipment",
                ORDER + "/orderItems/" + "40218765530102", "/orders/v0/orders/{orderId}/address/extra")) {
            advance(Duration.ofSeconds(1));
            Http.Reply refused = spPost(token, RDT, rdtRequest(path, List.of("buyerInfo")));
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(firstError(refused).get("code").stringValue()).isEqualTo("InvalidInput");
        }
        assertThat(spPost(token, RDT, Map.of("restrictedResources", List.of())).status()).isEqualTo(400);
        assertThat(spPost(token, RDT, Map.of("restrictedResources", List.of(Map.of("method", "POST",
                "path", ORDER)))).status()).isEqualTo(400);
    }

    @Test
    void orderItemsCarryTotalsForTheQuantity() {
        JsonNode payload = spGet(accessToken(US_REFRESH_TOKEN), "/orders/v0/orders/113-4021876-5530214/orderItems")
                .json().get("payload");
        assertThat(payload.get("AmazonOrderId").stringValue()).isEqualTo("113-4021876-5530214");
        JsonNode cables = payload.get("OrderItems").get(1);
        assertThat(cables.get("SellerSKU").stringValue()).isEqualTo("CBL-USBC-2M");
        assertThat(cables.get("ASIN").stringValue()).isEqualTo("B0CSBX1002");
        assertThat(cables.get("OrderItemId").stringValue()).isEqualTo("40218765530102");
        assertThat(cables.get("Title").stringValue()).isEqualTo("USB-C Charging Cable, 2 m, braided");
        assertThat(cables.get("QuantityOrdered").intValue()).isEqualTo(2);
        assertThat(cables.get("ItemPrice").get("Amount").stringValue()).isEqualTo("17.98");
        assertThat(cables.get("ItemPrice").get("CurrencyCode").stringValue()).isEqualTo("USD");
        assertThat(cables.get("ShippingPrice").get("Amount").stringValue()).isEqualTo("0.00");
        assertThat(cables.get("ItemTax").get("Amount").stringValue()).isEqualTo("1.44");

        Http.Reply unknown = spGet(accessToken(US_REFRESH_TOKEN), "/orders/v0/orders/113-0000000-0000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(firstError(unknown).get("code").stringValue()).isEqualTo("NotFound");
    }

    @Test
    void anUnknownOrderIsA404ByDefaultOrA400InvalidInputWhenTheSandboxSaysSo() {
        String token = accessToken(US_REFRESH_TOKEN);
        String unknown = "/orders/v0/orders/113-0000000-0000000";
        Http.Reply notFound = spGet(token, unknown);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(firstError(notFound).get("code").stringValue()).isEqualTo("NotFound");
        // another seller's order is as unknown as one that does not exist
        assertThat(spGet(token, "/orders/v0/orders/503-3318842-7705126").status()).isEqualTo(404);

        Http.Reply set = http.post("/sandbox/amazon/unknown-orders?status=400", "");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get("unknownOrderStatus").intValue()).isEqualTo(400);
        Http.Reply invalid = spGet(token, unknown);
        assertThat(invalid.status()).isEqualTo(400);
        JsonNode error = firstError(invalid);
        assertThat(error.get("code").stringValue()).isEqualTo("InvalidInput");
        assertThat(error.get("message").stringValue()).contains("AmazonOrderId").contains("113-0000000-0000000");
        assertThat(spGet(token, ORDER).status()).isEqualTo(200);
        assertThat(http.get("/sandbox/amazon").json().get("unknownOrderStatus").intValue()).isEqualTo(400);

        Http.Reply refused = http.post("/sandbox/amazon/unknown-orders?status=500", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(firstError(refused).get("code").stringValue()).isEqualTo("InvalidInput");
        // a reset goes back to the setting (404 by default)
        assertThat(http.delete("/sandbox/amazon").json().get("unknownOrderStatus").intValue()).isEqualTo(404);
        assertThat(spGet(token, unknown).status()).isEqualTo(404);
    }

    @Test
    void anAddedOrderIsServedAndItsParcelReachesTheForwarder() {
        Map<String, Object> order = Map.of("orderId", "113-9000001-0000001", "sellerId", US_SELLER,
                "marketplaceId", US,
                "buyer", Map.of("name", "Test Buyer", "email", "test@marketplace.amazon.example",
                        "address", Map.of("line1", "1 Main St", "city", "Reno", "region", "NV",
                                "postalCode", "89501", "country", "US")),
                "items", List.of(Map.of("sku", "SKU-A", "asin", "B000000001", "title", "Thing", "quantity", 3,
                        "itemPrice", 30.00, "currency", "USD")),
                "parcel", Map.of("forwarder", "4px", "waybill", "4PXTEST0001CN", "status", "H"));
        Http.Reply added = http.post("/sandbox/amazon/orders", order);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.json().get("items").get(0).get("orderItemId").stringValue()).matches("\\d{14}");
        assertThat(added.json().get("total").stringValue()).isEqualTo("30.00");
        assertThat(http.get("/sandbox/forwarders/4px/shipments/4PXTEST0001CN").json().get("status").stringValue())
                .isEqualTo("H");
        assertThat(spGet(accessToken(US_REFRESH_TOKEN), "/orders/v0/orders/113-9000001-0000001").status())
                .isEqualTo(200);

        Map<String, Object> wrongMarketplace = new java.util.HashMap<>(order);
        wrongMarketplace.put("marketplaceId", JP);
        Http.Reply refused = http.post("/sandbox/amazon/orders", wrongMarketplace);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(firstError(refused).get("message").stringValue()).contains(JP);
        Map<String, Object> badId = new java.util.HashMap<>(order);
        badId.put("orderId", "ORDER-1");
        assertThat(http.post("/sandbox/amazon/orders", badId).status()).isEqualTo(400);
    }
}

package com.returnsgateway.sandbox.amazon;

import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.component;
import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.envelope;
import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.item;
import static com.returnsgateway.sandbox.amazon.AdjustmentFeedXml.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The per-message checks of the payment adjustment feed, without a server. */
class AmazonFeedRulesTest {

    private static final String SELLER = "A3SANDBOXUS01";
    private static final String ORDER = "113-1000000-0000001";
    private static final SpCaller CALLER = new SpCaller(SELLER, false, Set.of());

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
    private SimulatedOrderBook orders;
    private FeedsSimulator feeds;

    @BeforeEach
    void oneOrderOfTwoItems() {
        SimulatedSellers sellers = new SimulatedSellers();
        sellers.put(new SimulatedSeller(SELLER, "amazon-us", "r1", "c", "s", List.of("ATVPDKIKX0DER"), true));
        sellers.put(new SimulatedSeller("A3OTHER", "other", "r2", "c", "s", List.of("ATVPDKIKX0DER"), true));
        orders = new SimulatedOrderBook(sellers);
        feeds = new FeedsSimulator(orders, sellers, 0, clock);
        JsonNode order = AmazonJson.MAPPER.readTree("""
                {"orderId": "%s", "sellerId": "%s", "marketplaceId": "ATVPDKIKX0DER",
                 "buyer": {"name": "B", "email": "b@marketplace.amazon.example",
                           "address": {"city": "Reno", "postalCode": "89501", "country": "US"}},
                 "items": [
                   {"orderItemId": "11111111111111", "sku": "A", "asin": "B0A", "title": "A", "quantity": 2,
                    "itemPrice": 20.00, "shippingPrice": 5.00, "itemTax": 2.00, "currency": "USD"},
                   {"orderItemId": "22222222222222", "sku": "B", "asin": "B0B", "title": "B", "quantity": 1,
                    "itemPrice": 10.00, "currency": "USD"}]}
                """.formatted(ORDER, SELLER));
        orders.putOrder(SimulatedOrder.fromJson(order, clock.instant()));
        JsonNode other = ((tools.jackson.databind.node.ObjectNode) order.deepCopy())
                .put("orderId", "113-2000000-0000002").put("sellerId", "A3OTHER");
        orders.putOrder(SimulatedOrder.fromJson(other, clock.instant()));
    }

    /** Submits one document and returns the adjustments as GET /sandbox/amazon/feeds shows them. */
    private JsonNode submit(String... messages) {
        String documentId = feeds.createDocument(CALLER, AmazonJson.MAPPER.readTree("{\"contentType\":\"text/xml\"}"));
        feeds.upload(documentId, envelope(SELLER, messages).getBytes(StandardCharsets.UTF_8));
        String feedId = feeds.create(CALLER, AmazonJson.MAPPER.valueToTree(Map.of("feedType",
                "POST_PAYMENT_ADJUSTMENT_DATA", "marketplaceIds", List.of("ATVPDKIKX0DER"),
                "inputFeedDocumentId", documentId)));
        for (JsonNode f : feeds.inspect(null, null)) {
            if (f.get("feedId").stringValue().equals(feedId)) {
                return f.get("adjustments");
            }
        }
        throw new AssertionError(feedId);
    }

    private String errorCode(String... messages) {
        JsonNode adjustment = submit(messages).get(0);
        assertThat(adjustment.get("result").stringValue()).isEqualTo("REJECTED");
        return adjustment.get("error").get("code").stringValue();
    }

    private static String principal(String itemCode, String amount) {
        return message(1, ORDER, item(itemCode, "CustomerReturn", component("Principal", amount, "USD")));
    }

    @Test
    void acceptsAFullRefundOfPriceShippingAndTax() {
        JsonNode a = submit(message(1, ORDER, item("11111111111111", "CustomerReturn",
                component("Principal", "20.00", "USD"), component("Shipping", "5.00", "USD"),
                component("Tax", "2.00", "USD"))));
        assertThat(a.get(0).get("result").stringValue()).isEqualTo("ACCEPTED");
        assertThat(orders.refunded(ORDER, "11111111111111")).isEqualByComparingTo("27.00");
    }

    @Test
    void refusesOrdersAndItemsThatAreNotTheSellers() {
        assertThat(errorCode(message(1, "113-2000000-0000002", item("11111111111111", "CustomerReturn",
                component("Principal", "1.00", "USD"))))).isEqualTo("18028");
        assertThat(errorCode(principal("33333333333333", "1.00"))).isEqualTo("18029");
    }

    @Test
    void refusesUndocumentedReasonsAndComponentTypes() {
        assertThat(errorCode(message(1, ORDER, item("11111111111111", "BuyerAskedNicely",
                component("Principal", "1.00", "USD"))))).isEqualTo("18030");
        assertThat(errorCode(message(1, ORDER, item("11111111111111", "CustomerReturn",
                component("Discount", "1.00", "USD"))))).isEqualTo("18031");
        for (String reason : List.of("CustomerReturn", "GeneralAdjustment", "CouldNotShip", "NoInventory",
                "CustomerCancel", "Undeliverable", "RefusedDelivery")) {
            assertThat(submit(message(1, ORDER, item("22222222222222", reason, component("Principal", "0.01",
                    "USD")))).get(0).get("result").stringValue()).as(reason).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void refusesAnotherCurrencyOrTooManyDecimals() {
        assertThat(errorCode(message(1, ORDER, item("11111111111111", "CustomerReturn",
                component("Principal", "1.00", "EUR"))))).isEqualTo("18032");
        assertThat(errorCode(principal("11111111111111", "1.005"))).isEqualTo("18032");
    }

    @Test
    void theNetMustBeACreditAndACappedTotal() {
        assertThat(errorCode(message(1, ORDER, item("22222222222222", "CustomerReturn",
                component("Principal", "2.00", "USD"), component("RestockingFee", "-2.00", "USD")))))
                .isEqualTo("18034");
        assertThat(errorCode(principal("22222222222222", "10.01"))).isEqualTo("18035");
        assertThat(orders.refunded(ORDER, "22222222222222")).isEqualByComparingTo("0");
    }

    @Test
    void aMessageIsAcceptedOrRejectedWhole() {
        // item A fine, item B over its price: nothing of the message is booked
        assertThat(errorCode(message(1, ORDER,
                item("11111111111111", "CustomerReturn", component("Principal", "5.00", "USD")),
                item("22222222222222", "CustomerReturn", component("Principal", "11.00", "USD")))))
                .isEqualTo("18035");
        assertThat(orders.refunded(ORDER, "11111111111111")).isEqualByComparingTo("0");
        // the same item twice in one message counts twice
        assertThat(errorCode(message(1, ORDER,
                item("22222222222222", "CustomerReturn", component("Principal", "6.00", "USD")),
                item("22222222222222", "CustomerReturn", component("Principal", "6.00", "USD")))))
                .isEqualTo("18035");
    }

    @Test
    void malformedMessagesAreReportedOneByOne() {
        JsonNode a = submit(
                principal("11111111111111", "1.00"),
                principal("11111111111111", "2.00"),
                "<Message><MessageID>3</MessageID><OrderAdjustment><AdjustedItem/></OrderAdjustment></Message>",
                "<Message><MessageID>4</MessageID><OrderAdjustment><AmazonOrderID>" + ORDER + "</AmazonOrderID>"
                        + "<AdjustedItem><AmazonOrderItemCode>11111111111111</AmazonOrderItemCode>"
                        + "<AdjustmentReason>CustomerReturn</AdjustmentReason><ItemPriceAdjustments><Component>"
                        + "<Type>Principal</Type><Amount currency=\"USD\">ten</Amount></Component>"
                        + "</ItemPriceAdjustments></AdjustedItem></OrderAdjustment></Message>",
                "<Message><MessageID>x</MessageID></Message>");
        assertThat(a.get(0).get("result").stringValue()).isEqualTo("ACCEPTED");
        assertThat(a.get(1).get("error").get("code").stringValue()).isEqualTo("5000");
        assertThat(a.get(1).get("error").get("description").stringValue()).contains("MessageID 1");
        assertThat(a.get(2).get("error").get("description").stringValue()).contains("AmazonOrderID");
        assertThat(a.get(3).get("error").get("description").stringValue()).contains("ten");
        assertThat(a.get(4).get("messageId").intValue()).isZero();
        assertThat(orders.refunded(ORDER, "11111111111111")).isEqualByComparingTo("1.00");
    }

    @Test
    void aQuantityElementDoesNotMultiplyTheAmount() {
        String withQuantity = message(1, ORDER, item("11111111111111", "CustomerReturn",
                component("Principal", "20.00", "USD")).replace("</AdjustedItem>",
                "<Quantity>2</Quantity></AdjustedItem>"));
        assertThat(submit(withQuantity).get(0).get("result").stringValue()).isEqualTo("ACCEPTED");
        assertThat(orders.refunded(ORDER, "11111111111111")).isEqualByComparingTo("20.00");
    }
}

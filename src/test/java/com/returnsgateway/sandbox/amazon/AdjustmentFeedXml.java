package com.returnsgateway.sandbox.amazon;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds POST_PAYMENT_ADJUSTMENT_DATA documents for the tests, as the gateway writes them. */
final class AdjustmentFeedXml {

    private AdjustmentFeedXml() {
    }

    static String envelope(String merchant, String... messages) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
                  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>%s</MerchantIdentifier></Header>
                  <MessageType>OrderAdjustment</MessageType>
                %s</AmazonEnvelope>
                """.formatted(merchant, String.join("", messages));
    }

    static String message(int id, String orderId, String... adjustedItems) {
        return "  <Message><MessageID>" + id + "</MessageID><OrderAdjustment><AmazonOrderID>" + orderId
                + "</AmazonOrderID>" + String.join("", adjustedItems) + "</OrderAdjustment></Message>\n";
    }

    static String item(String orderItemCode, String reason, String... components) {
        return "<AdjustedItem><AmazonOrderItemCode>" + orderItemCode + "</AmazonOrderItemCode>"
                + "<MerchantAdjustmentItemID>ADJ-" + orderItemCode + "</MerchantAdjustmentItemID>"
                + "<AdjustmentReason>" + reason + "</AdjustmentReason><ItemPriceAdjustments>"
                + Arrays.stream(components).collect(Collectors.joining()) + "</ItemPriceAdjustments></AdjustedItem>";
    }

    static String component(String type, String amount, String currency) {
        return "<Component><Type>" + type + "</Type><Amount currency=\"" + currency + "\">" + amount
                + "</Amount></Component>";
    }
}

package com.returnsgateway.adapter.amazon.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.AdjustedItem;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.Component;
import com.returnsgateway.adapter.amazon.format.OrderAdjustmentFeed.Message;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.xml.SafeXml;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class OrderAdjustmentFeedTest {

    private static Component principal(String amount, String currency) {
        return new Component("Principal", Money.of(amount, currency));
    }

    private static AdjustedItem item(String code, Component... components) {
        return new AdjustedItem(code, "case-42-1", "CustomerReturn", List.of(components));
    }

    private static Message message(int id, AdjustedItem... items) {
        return new Message(id, "114-3941689-8772232", List.of(items));
    }

    private static Document parse(String xml) {
        return SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Document doc, String element, int index) {
        return doc.getElementsByTagName(element).item(index).getTextContent();
    }

    @Test
    void aFeedIsTheDocumentAmazonExpectsOneElementPerLine() {
        String xml = OrderAdjustmentFeed.build("M_SELLER_1", List.of(message(1,
                item("52986411826454", principal("24.00", "USD"), new Component("Tax", Money.of("1.92", "USD"))))));

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
                    <Header>
                        <DocumentVersion>1.01</DocumentVersion>
                        <MerchantIdentifier>M_SELLER_1</MerchantIdentifier>
                    </Header>
                    <MessageType>OrderAdjustment</MessageType>
                    <Message>
                        <MessageID>1</MessageID>
                        <OrderAdjustment>
                            <AmazonOrderID>114-3941689-8772232</AmazonOrderID>
                            <AdjustedItem>
                                <AmazonOrderItemCode>52986411826454</AmazonOrderItemCode>
                                <MerchantAdjustmentItemID>case-42-1</MerchantAdjustmentItemID>
                                <AdjustmentReason>CustomerReturn</AdjustmentReason>
                                <ItemPriceAdjustments>
                                    <Component>
                                        <Type>Principal</Type>
                                        <Amount currency="USD">24.00</Amount>
                                    </Component>
                                    <Component>
                                        <Type>Tax</Type>
                                        <Amount currency="USD">1.92</Amount>
                                    </Component>
                                </ItemPriceAdjustments>
                            </AdjustedItem>
                        </OrderAdjustment>
                    </Message>
                </AmazonEnvelope>
                """);
        assertThat(FeedSchema.problem(xml)).isNull();
    }

    @Test
    void aFeedOfSeveralOrdersAndItemsIsValidAgainstTheSchema() {
        List<Message> messages = List.of(
                message(1, item("OI-1", principal("10.00", "USD")), item("OI-2", principal("5.50", "USD"),
                        new Component("Shipping", Money.of("4.99", "USD")),
                        new Component("ShippingTax", Money.of("0.40", "USD")))),
                new Message(2, "250-1234567-7654321", List.of(new AdjustedItem("OI-3", null, "Other",
                        List.of(principal("1500", "JPY"))))),
                message(7, item("OI-4", principal("30.00", "USD"),
                        new Component("RestockingFee", Money.of("-4.50", "USD")))));

        String xml = OrderAdjustmentFeed.build("M_SELLER_1", messages);

        assertThat(FeedSchema.problem(xml)).isNull();
        Document doc = parse(xml);
        assertThat(doc.getElementsByTagName("Message").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("AdjustedItem").getLength()).isEqualTo(4);
        assertThat(text(doc, "MessageID", 2)).isEqualTo("7");
        assertThat(text(doc, "AmazonOrderID", 1)).isEqualTo("250-1234567-7654321");
        assertThat(doc.getElementsByTagName("MerchantAdjustmentItemID").getLength())
                .as("left out when null").isEqualTo(3);
        assertThat(xml).contains("<Amount currency=\"USD\">-4.50</Amount>");
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        String xml = OrderAdjustmentFeed.build("M_JP", List.of(new Message(1, "250-1", List.of(
                new AdjustedItem("OI-1", null, "CustomerReturn", List.of(principal("1500", "JPY")))))));

        assertThat(xml).contains("<Amount currency=\"JPY\">1500</Amount>");
        assertThat(FeedSchema.problem(xml)).isNull();
    }

    @Test
    void amountsAreWrittenWithTheCurrencysDecimalsAndNeverAnExponent() {
        Component thousand = new Component("Principal", new Money(new BigDecimal("1E+3"), "USD"));

        String xml = OrderAdjustmentFeed.build("M", List.of(message(1, item("OI-1", thousand, principal("7", "USD")))));

        assertThat(xml).contains("<Amount currency=\"USD\">1000.00</Amount>", "<Amount currency=\"USD\">7.00</Amount>");
    }

    @Test
    void idsWithMarkupCharactersAreEscapedAndReadBackUnchanged() {
        String orderId = "114-<1>&\"2\"";
        String itemCode = "OI&<x>\"";
        String merchantItemId = "a&b<c>\"d\"";
        String merchant = "M&<Seller>\"";

        String xml = OrderAdjustmentFeed.build(merchant, List.of(new Message(1, orderId, List.of(
                new AdjustedItem(itemCode, merchantItemId, "CustomerReturn", List.of(principal("1.00", "USD")))))));

        assertThat(xml).contains("<AmazonOrderID>114-&lt;1&gt;&amp;\"2\"</AmazonOrderID>")
                .doesNotContain("<1>", "<x>", "<c>", "<Seller>");
        assertThat(FeedSchema.problem(xml)).isNull();
        Document doc = parse(xml);
        assertThat(text(doc, "AmazonOrderID", 0)).isEqualTo(orderId);
        assertThat(text(doc, "AmazonOrderItemCode", 0)).isEqualTo(itemCode);
        assertThat(text(doc, "MerchantAdjustmentItemID", 0)).isEqualTo(merchantItemId);
        assertThat(text(doc, "MerchantIdentifier", 0)).isEqualTo(merchant);
    }

    @Test
    void noQuantityIsEverWrittenAndTheSchemaWouldCatchOne() {
        String xml = OrderAdjustmentFeed.build("M", List.of(message(1, item("OI-1", principal("10.00", "USD")))));
        String withQuantity = xml.replace("</ItemPriceAdjustments>", "</ItemPriceAdjustments>\n<Quantity>2</Quantity>");

        assertThat(xml).doesNotContain("Quantity");
        assertThat(FeedSchema.problem(withQuantity)).contains("Quantity");
    }

    @Test
    void theSchemaRefusesWhatTheFeedRefuses() {
        String xml = OrderAdjustmentFeed.build("M", List.of(message(1, item("OI-1", principal("10.00", "USD")))));

        assertThat(FeedSchema.problem(xml.replace("CustomerReturn", "Refund"))).contains("Refund");
        assertThat(FeedSchema.problem(xml.replace(">Principal<", ">Discount<"))).contains("Discount");
        assertThat(FeedSchema.problem(xml.replace("<MessageID>1<", "<MessageID>0<"))).isNotNull();
        assertThat(FeedSchema.problem(xml.replace(" currency=\"USD\"", ""))).contains("currency");
    }

    @Test
    void aRestockingFeeMayChargeAsLongAsTheBuyerIsCreditedOverall() {
        List<Message> credit = List.of(message(1, item("OI-1", principal("10.00", "USD"),
                new Component("RestockingFee", Money.of("-9.99", "USD")))));
        List<Message> zero = List.of(message(2, item("OI-1", principal("10.00", "USD"),
                new Component("RestockingFee", Money.of("-10.00", "USD")))));
        List<Message> charge = List.of(message(3, item("OI-1", principal("5.00", "USD")),
                item("OI-2", new Component("RestockingFee", Money.of("-6.00", "USD")))));

        assertThat(FeedSchema.problem(OrderAdjustmentFeed.build("M", credit))).isNull();
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", zero))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 2 (order 114-3941689-8772232) adds up to 0.00 USD; an adjustment must be a"
                        + " credit to the buyer (more than zero)");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", charge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adds up to -1.00 USD");
    }

    @Test
    void anUnknownAdjustmentReasonIsRefusedWithTheKnownOnes() {
        List<Message> messages = List.of(message(4, new AdjustedItem("OI-9", null, "Refund",
                List.of(principal("1.00", "USD")))));

        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", messages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("message 4, item 1 (OI-9): AdjustmentReason 'Refund' is not one of"
                        + " NoInventory, CustomerReturn, GeneralAdjustment")
                .hasMessageContaining("RefusedDelivery");
    }

    @Test
    void everyDocumentedAdjustmentReasonIsAccepted() {
        List<AdjustedItem> items = new ArrayList<>();
        for (String reason : OrderAdjustmentFeed.ADJUSTMENT_REASONS) {
            items.add(new AdjustedItem("OI-" + reason, null, reason, List.of(principal("1.00", "USD"))));
        }

        String xml = OrderAdjustmentFeed.build("M", List.of(new Message(1, "114-1", items)));

        assertThat(OrderAdjustmentFeed.ADJUSTMENT_REASONS).hasSize(18).contains("CustomerReturn", "ProductOutofStock");
        assertThat(FeedSchema.problem(xml)).isNull();
    }

    @Test
    void anUnknownComponentTypeIsRefused() {
        List<Message> messages = List.of(message(1, item("OI-1", new Component("Discount", Money.of("1.00", "USD")))));

        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", messages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1, item 1 (OI-1): component type 'Discount' is not one of Principal, Shipping,"
                        + " Tax, ShippingTax, RestockingFee");
    }

    @Test
    void anItemWithoutComponentsOrAMessageWithoutItemsIsRefused() {
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(message(1, item("OI-1")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1, item 1 (OI-1) has no components; at least one amount is needed");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(new Message(1, "114-1", List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1 (order 114-1) has no adjusted items");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(new Message(1, "114-1", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1 (order 114-1) has no adjusted items");
    }

    @Test
    void messageIdsMustBePositiveAndUnique() {
        AdjustedItem item = item("OI-1", principal("1.00", "USD"));

        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(message(1, item), message(0, item))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message at index 1: MessageID must be positive, got 0");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(message(-3, item))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -3");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(message(5, item), message(5, item))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MessageID 5 is used twice");
    }

    @Test
    void oneMessageIsInOneCurrency() {
        List<Message> messages = List.of(message(1, item("OI-1", principal("1.00", "USD")),
                item("OI-2", principal("1.00", "EUR"))));

        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", messages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1 mixes USD and EUR; an order is adjusted in one currency");
    }

    @Test
    void missingOrUnwritableTextIsRefused() {
        AdjustedItem item = item("OI-1", principal("1.00", "USD"));

        assertThatThrownBy(() -> OrderAdjustmentFeed.build(" ", List.of(message(1, item))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the feed: merchantIdentifier is required");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(new Message(1, null, List.of(item)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1: AmazonOrderID is required");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(message(1, item("", principal("1", "USD"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1, item 1: AmazonOrderItemCode is required");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of(new Message(1, "114-1\u0000", List.of(item)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1: AmazonOrderID contains control characters");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no messages");
    }

    @Test
    void aComponentWithoutAnAmountIsRefused() {
        List<Message> messages = List.of(message(1, item("OI-1", new Component("Principal", null))));

        assertThatThrownBy(() -> OrderAdjustmentFeed.build("M", messages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message 1, item 1 (OI-1) has a component without an amount");
    }

    @Test
    void theEnvelopeCarriesTheSchemaHintAndTheDeclarationSaysUtf8() {
        String xml = OrderAdjustmentFeed.build("M", List.of(message(1, item("OI-1", principal("1.00", "USD")))));
        Element envelope = parse(xml).getDocumentElement();

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AmazonEnvelope");
        assertThat(envelope.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation"))
                .isEqualTo("amzn-envelope.xsd");
    }
}

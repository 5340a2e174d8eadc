package com.returnsgateway.adapter.amazon.format;

import com.returnsgateway.core.model.Money;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the {@code POST_PAYMENT_ADJUSTMENT_DATA} feed document: how Amazon is told to refund a merchant-fulfilled
 * order (there is no refund call; a seller uploads this XML through the Feeds API). Amazon's createFeed rate is one
 * call every two minutes, so one document carries many refunds, one {@link Message} per order.
 *
 * <p>The document is checked before it is written, because Amazon only says what was wrong hours later, in the
 * processing report, and a wrong refund cannot be taken back: adjustment reasons are Amazon's documented values,
 * component types are Principal, Shipping, Tax, ShippingTax or RestockingFee, every item has at least one component,
 * the components of a message are in one currency and add up to a credit for the buyer (a restocking fee is a
 * negative component), message ids are positive and unique (the processing report refers to them). A violation
 * throws {@link IllegalArgumentException} naming the message and item.
 *
 * <p>Amounts are totals for the returned quantity, written with the currency's decimals (JPY none). No
 * {@code Quantity} element is written: with one, Amazon multiplied the amounts and refunded too much
 * (selling-partner-api-models issue 4405). Text is written by an XML writer, so {@code & < >} in ids are escaped.
 */
public final class OrderAdjustmentFeed {

    /** The AdjustmentReason values Amazon documents (Undeliverable and RefusedDelivery are in newer lists). */
    public static final Set<String> ADJUSTMENT_REASONS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "NoInventory", "CustomerReturn", "GeneralAdjustment", "CouldNotShip", "DifferentItem", "Abandoned",
            "CustomerCancel", "PriceError", "ProductOutofStock", "CustomerAddressIncorrect", "Exchange", "Other",
            "CarrierCreditDecision", "RiskAssessmentInformationNotValid", "CarrierCoverageFailure",
            "TransactionRecord", "Undeliverable", "RefusedDelivery")));

    /** The component types the gateway sends. */
    public static final Set<String> COMPONENT_TYPES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "Principal", "Shipping", "Tax", "ShippingTax", "RestockingFee")));

    static final String DOCUMENT_VERSION = "1.01";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private OrderAdjustmentFeed() {
    }

    /** The adjustment of one order; {@code messageId} is how the processing report refers to it. */
    public record Message(int messageId, String amazonOrderId, List<AdjustedItem> items) {

        public Message {
            items = copy(items);
        }
    }

    /**
     * One adjusted order line. {@code merchantAdjustmentItemId} is the seller's own id for this adjustment (optional,
     * left out when null).
     */
    public record AdjustedItem(String amazonOrderItemCode, String merchantAdjustmentItemId, String adjustmentReason,
                               List<Component> components) {

        public AdjustedItem {
            components = copy(components);
        }
    }

    /** One part of an item's adjustment: positive refunds the buyer, negative (a restocking fee) charges them. */
    public record Component(String type, Money amount) {
    }

    /** The feed document, UTF-8 XML. */
    public static String build(String merchantIdentifier, List<Message> messages) {
        validate(merchantIdentifier, messages);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            Indented writer = new Indented(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            writer.start("AmazonEnvelope");
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("xsi", XSI, "noNamespaceSchemaLocation", "amzn-envelope.xsd");
            writer.start("Header");
            writer.leaf("DocumentVersion", DOCUMENT_VERSION);
            writer.leaf("MerchantIdentifier", merchantIdentifier);
            writer.end();
            writer.leaf("MessageType", "OrderAdjustment");
            for (Message message : messages) {
                write(writer, message);
            }
            writer.end();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the order adjustment feed could not be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(Indented writer, Message message) throws XMLStreamException {
        writer.start("Message");
        writer.leaf("MessageID", Integer.toString(message.messageId()));
        writer.start("OrderAdjustment");
        writer.leaf("AmazonOrderID", message.amazonOrderId());
        for (AdjustedItem item : message.items()) {
            writer.start("AdjustedItem");
            writer.leaf("AmazonOrderItemCode", item.amazonOrderItemCode());
            if (item.merchantAdjustmentItemId() != null) {
                writer.leaf("MerchantAdjustmentItemID", item.merchantAdjustmentItemId());
            }
            writer.leaf("AdjustmentReason", item.adjustmentReason());
            writer.start("ItemPriceAdjustments");
            for (Component component : item.components()) {
                writer.start("Component");
                writer.leaf("Type", component.type());
                writer.amount("Amount", component.amount());
                writer.end();
            }
            writer.end();
            writer.end();
        }
        writer.end();
        writer.end();
    }

    private static void validate(String merchantIdentifier, List<Message> messages) {
        requireText(merchantIdentifier, "merchantIdentifier", "the feed");
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("the feed has no messages; it needs at least one order adjustment");
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message == null) {
                throw new IllegalArgumentException("message at index " + i + " is null");
            }
            if (message.messageId() < 1) {
                throw new IllegalArgumentException("message at index " + i + ": MessageID must be positive, got "
                        + message.messageId());
            }
            if (!ids.add(message.messageId())) {
                throw new IllegalArgumentException("MessageID " + message.messageId() + " is used twice; the"
                        + " processing report names messages by id, so ids must be unique in a feed");
            }
            requireValid(message);
        }
    }

    /**
     * Checks one message as {@link #build} would, so a caller can leave a bad one out of a batch instead of losing
     * the whole document to it.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void requireValid(Message message) {
        String where = "message " + message.messageId();
        requireText(message.amazonOrderId(), "AmazonOrderID", where);
        if (message.items() == null || message.items().isEmpty()) {
            throw new IllegalArgumentException(where + " (order " + message.amazonOrderId()
                    + ") has no adjusted items");
        }
        BigDecimal net = BigDecimal.ZERO;
        String currency = null;
        for (int i = 0; i < message.items().size(); i++) {
            AdjustedItem item = message.items().get(i);
            String itemWhere = where + ", item " + (i + 1);
            if (item == null) {
                throw new IllegalArgumentException(itemWhere + " is null");
            }
            validate(item, itemWhere);
            for (Component component : item.components()) {
                if (currency == null) {
                    currency = component.amount().currency();
                } else if (!currency.equals(component.amount().currency())) {
                    throw new IllegalArgumentException(where + " mixes " + currency + " and "
                            + component.amount().currency() + "; an order is adjusted in one currency");
                }
                net = net.add(component.amount().amount());
            }
        }
        if (net.signum() <= 0) {
            throw new IllegalArgumentException(where + " (order " + message.amazonOrderId() + ") adds up to "
                    + new Money(net, currency) + "; an adjustment must be a credit to the buyer (more than zero)");
        }
    }

    private static void validate(AdjustedItem item, String where) {
        requireText(item.amazonOrderItemCode(), "AmazonOrderItemCode", where);
        String itemWhere = where + " (" + item.amazonOrderItemCode() + ")";
        if (item.merchantAdjustmentItemId() != null) {
            requireText(item.merchantAdjustmentItemId(), "MerchantAdjustmentItemID", itemWhere);
        }
        requireAdjustmentReason(item.adjustmentReason(), itemWhere);
        if (item.components() == null || item.components().isEmpty()) {
            throw new IllegalArgumentException(itemWhere + " has no components; at least one amount is needed");
        }
        for (Component component : item.components()) {
            if (component == null || component.amount() == null) {
                throw new IllegalArgumentException(itemWhere + " has a component without an amount");
            }
            if (!COMPONENT_TYPES.contains(component.type())) {
                throw new IllegalArgumentException(itemWhere + ": component type '" + component.type()
                        + "' is not one of " + String.join(", ", COMPONENT_TYPES));
            }
        }
    }

    /** Throws unless {@code reason} is one of {@link #ADJUSTMENT_REASONS}. */
    static void requireAdjustmentReason(String reason, String where) {
        if (!ADJUSTMENT_REASONS.contains(reason)) {
            throw new IllegalArgumentException(where + ": AdjustmentReason '" + reason + "' is not one of "
                    + String.join(", ", ADJUSTMENT_REASONS));
        }
    }

    /** Non-blank, and without control characters, which XML 1.0 cannot carry. */
    private static void requireText(String value, String field, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + " is required");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(where + ": " + field + " contains control characters");
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Writes elements one per line, indented by depth, so an operator can read the document that was sent. */
    private static final class Indented {

        private final XMLStreamWriter xml;
        private int depth;

        Indented(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String name) throws XMLStreamException {
            newLine();
            xml.writeStartElement(name);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            newLine();
            xml.writeEndElement();
        }

        void leaf(String name, String text) throws XMLStreamException {
            newLine();
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        void amount(String name, Money money) throws XMLStreamException {
            newLine();
            xml.writeStartElement(name);
            xml.writeAttribute("currency", money.currency());
            xml.writeCharacters(money.amount().toPlainString());
            xml.writeEndElement();
        }

        private void newLine() throws XMLStreamException {
            xml.writeCharacters("\n" + "    ".repeat(depth));
        }
    }
}

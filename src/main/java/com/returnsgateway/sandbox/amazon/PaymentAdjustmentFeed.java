package com.returnsgateway.sandbox.amazon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.returnsgateway.core.xml.SafeXml;

/**
 * Reads a POST_PAYMENT_ADJUSTMENT_DATA document ({@code AmazonEnvelope} of {@code OrderAdjustment} messages) with
 * {@link SafeXml}. An envelope that cannot be read is a {@link FatalFeed}; a message that lacks a required element
 * keeps the reason in {@link Message#problem()}, so the other messages are still processed. A {@code Quantity}
 * element is ignored: amounts are totals for the quantity (issue 4405).
 */
final class PaymentAdjustmentFeed {

    private PaymentAdjustmentFeed() {
    }

    /** The whole document was refused: the feed ends FATAL. */
    static final class FatalFeed extends RuntimeException {
        FatalFeed(String message) {
            super(message);
        }
    }

    record Component(String type, String amountText, BigDecimal amount, String currency) {
    }

    record AdjustedItem(String orderItemCode, String merchantAdjustmentItemId, String reason,
                        List<Component> components) {
    }

    /** One message; {@code messageId} is 0 when it is missing or not a positive number. */
    record Message(long messageId, String amazonOrderId, List<AdjustedItem> items, String problem) {
    }

    static List<Message> parse(byte[] xml) {
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (SafeXml.UnsafeOrMalformedXmlException e) {
            throw new FatalFeed("XML Parsing Fatal Error: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!name(root).equals("AmazonEnvelope")) {
            throw new FatalFeed("The document's root element is " + name(root) + "; a feed must be an AmazonEnvelope.");
        }
        Element header = child(root, "Header");
        if (header == null || text(child(header, "MerchantIdentifier")) == null) {
            throw new FatalFeed("The AmazonEnvelope has no Header with a MerchantIdentifier.");
        }
        String type = text(child(root, "MessageType"));
        if (!"OrderAdjustment".equals(type)) {
            throw new FatalFeed("The MessageType is " + (type == null ? "missing" : type)
                    + "; a POST_PAYMENT_ADJUSTMENT_DATA feed must have MessageType OrderAdjustment.");
        }
        List<Element> messages = children(root, "Message");
        if (messages.isEmpty()) {
            throw new FatalFeed("The AmazonEnvelope holds no Message elements.");
        }
        List<Message> parsed = new ArrayList<>();
        for (Element m : messages) {
            parsed.add(message(m));
        }
        return parsed;
    }

    private static Message message(Element m) {
        String idText = text(child(m, "MessageID"));
        long id = 0;
        try {
            id = idText == null ? 0 : Long.parseLong(idText);
        } catch (NumberFormatException e) {
            id = 0;
        }
        if (id < 1) {
            return new Message(0, null, List.of(), "MessageID is missing or not a positive whole number ("
                    + (idText == null ? "none" : idText) + ").");
        }
        Element adjustment = child(m, "OrderAdjustment");
        if (adjustment == null) {
            return new Message(id, null, List.of(), "The message has no OrderAdjustment element.");
        }
        String orderId = text(child(adjustment, "AmazonOrderID"));
        List<AdjustedItem> items = new ArrayList<>();
        String problem = orderId == null ? "The OrderAdjustment has no AmazonOrderID (MerchantOrderID is not "
                + "supported)." : null;
        List<Element> adjusted = children(adjustment, "AdjustedItem");
        if (adjusted.isEmpty() && problem == null) {
            problem = "The OrderAdjustment has no AdjustedItem.";
        }
        for (Element item : adjusted) {
            String code = text(child(item, "AmazonOrderItemCode"));
            String reason = text(child(item, "AdjustmentReason"));
            List<Component> components = new ArrayList<>();
            Element prices = child(item, "ItemPriceAdjustments");
            for (Element c : prices == null ? List.<Element>of() : children(prices, "Component")) {
                String ctype = text(child(c, "Type"));
                Element amount = child(c, "Amount");
                String amountText = text(amount);
                String currency = amount == null || amount.getAttribute("currency").isBlank() ? null
                        : amount.getAttribute("currency").trim();
                BigDecimal value = null;
                try {
                    value = amountText == null ? null : new BigDecimal(amountText);
                } catch (NumberFormatException e) {
                    value = null;
                }
                components.add(new Component(ctype, amountText, value, currency));
                if (problem == null) {
                    if (ctype == null) {
                        problem = "A Component of order item " + code + " has no Type.";
                    } else if (value == null) {
                        problem = "The " + ctype + " Amount of order item " + code + " is missing or not a number ("
                                + amountText + ").";
                    } else if (currency == null) {
                        problem = "The " + ctype + " Amount of order item " + code + " has no currency attribute.";
                    }
                }
            }
            items.add(new AdjustedItem(code, text(child(item, "MerchantAdjustmentItemID")), reason,
                    List.copyOf(components)));
            if (problem == null) {
                if (code == null) {
                    problem = "An AdjustedItem has no AmazonOrderItemCode.";
                } else if (reason == null) {
                    problem = "The AdjustedItem for order item " + code + " has no AdjustmentReason.";
                } else if (components.isEmpty()) {
                    problem = "The AdjustedItem for order item " + code
                            + " has no ItemPriceAdjustments Component.";
                }
            }
        }
        return new Message(id, orderId, List.copyOf(items), problem);
    }

    private static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name(n).equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name(n).equals(name)) {
                list.add((Element) n);
            }
        }
        return list;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent();
        return t == null || t.isBlank() ? null : t.trim();
    }
}

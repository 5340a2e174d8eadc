package com.returnsgateway.adapter.amazon.format;

import com.returnsgateway.core.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Amazon's processing report for a feed: how many messages it processed and, per MessageID, the errors and warnings.
 * This is where a refund sent in an order adjustment feed turns out to have been refused, so the gateway reads it to
 * tell which cases were refunded ({@link #accepted(int)}) and why the others were not ({@link #errorsByMessageId()}).
 *
 * <p>A result with MessageID 0 (or none) is about the whole document, not one message, such as a document Amazon could
 * not read; an error of that kind means no message was accepted. Warnings do not stop a message.
 *
 * <p>Only the XML report is read (the shape order adjustment feeds get). Newer feed types report in JSON; such a
 * document, or anything else that is not this XML, is refused with an {@link IllegalArgumentException} saying what it
 * was. The XML is parsed with {@link SafeXml}: a DOCTYPE is refused.
 */
public record ProcessingReport(String documentTransactionId, String statusCode, int messagesProcessed,
                               int messagesSuccessful, int messagesWithError, int messagesWithWarning,
                               List<Result> results) {

    static final String ERROR = "Error";
    static final String WARNING = "Warning";
    /** The MessageID of results about the whole document. */
    public static final int DOCUMENT = 0;

    public ProcessingReport {
        results = List.copyOf(results);
    }

    /** One error or warning; {@code resultCode} is Error or Warning; the message code and description may be null. */
    public record Result(int messageId, String resultCode, String resultMessageCode, String description) {

        public boolean isError() {
            return ERROR.equalsIgnoreCase(resultCode);
        }
    }

    /**
     * Reads a report given as text. The downloaded document is better given as bytes ({@link #parse(byte[])}), so its
     * XML declaration's encoding is honoured; a string is read as UTF-8.
     */
    public static ProcessingReport parse(String xml) {
        if (xml == null) {
            throw notAReport("no document");
        }
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a report as downloaded (decompressed). */
    public static ProcessingReport parse(byte[] xml) {
        if (xml == null || new String(xml, StandardCharsets.ISO_8859_1).isBlank()) {
            throw notAReport("the document is empty");
        }
        if (looksLikeJson(xml)) {
            throw notAReport("the document is JSON (newer feed types report in JSON, which is not read here)");
        }
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SafeXml.UnsafeOrMalformedXmlException e) {
            throw new IllegalArgumentException("not an XML processing report: " + e.getMessage(), e);
        }
        return read(document.getDocumentElement());
    }

    /** The first error of each message that has one, in report order; key {@link #DOCUMENT} for the whole document. */
    public Map<Integer, Result> errorsByMessageId() {
        Map<Integer, Result> errors = new LinkedHashMap<>();
        for (Result result : results) {
            if (result.isError()) {
                errors.putIfAbsent(result.messageId(), result);
            }
        }
        return Collections.unmodifiableMap(errors);
    }

    /** Whether Amazon took the message: no error for it, and no error about the whole document. */
    public boolean accepted(int messageId) {
        Map<Integer, Result> errors = errorsByMessageId();
        return !errors.containsKey(messageId) && !errors.containsKey(DOCUMENT);
    }

    /**
     * Why this report does not account for exactly the messages sent, or empty when it does: Amazon processed as many
     * messages as were sent, MessagesSuccessful and MessagesWithError add up to MessagesProcessed (a message with only
     * warnings counts as successful, so MessagesWithWarning is at most MessagesProcessed), every error names a message
     * that was sent, and as many messages have an error as MessagesWithError says. Only then does "no error for this
     * message" mean Amazon took it; a short or inconsistent report proves nothing about the messages it leaves out.
     */
    public Optional<String> coverageProblem(Collection<Integer> sent) {
        Set<Integer> sentIds = new TreeSet<>(sent);
        if (messagesProcessed != sentIds.size()) {
            return Optional.of("MessagesProcessed is " + messagesProcessed + " but " + sentIds.size()
                    + " messages were sent");
        }
        if (messagesSuccessful + messagesWithError != messagesProcessed) {
            return Optional.of("MessagesSuccessful " + messagesSuccessful + " + MessagesWithError " + messagesWithError
                    + " do not add up to MessagesProcessed " + messagesProcessed);
        }
        if (messagesWithWarning > messagesProcessed) {
            return Optional.of("MessagesWithWarning " + messagesWithWarning + " is more than MessagesProcessed "
                    + messagesProcessed);
        }
        Set<Integer> withError = new TreeSet<>(errorsByMessageId().keySet());
        if (withError.contains(DOCUMENT)) {
            return Optional.empty(); // an error about the whole document rejects every message
        }
        Set<Integer> unknown = new TreeSet<>(withError);
        unknown.removeAll(sentIds);
        if (!unknown.isEmpty()) {
            return Optional.of("errors name MessageID " + unknown + ", which were not sent");
        }
        if (withError.size() != messagesWithError) {
            return Optional.of("MessagesWithError is " + messagesWithError + " but errors are listed for "
                    + withError.size() + " messages " + withError);
        }
        return Optional.empty();
    }

    private static ProcessingReport read(Element envelope) {
        if (!"AmazonEnvelope".equals(name(envelope))) {
            throw notAReport("the root element is <" + name(envelope) + ">, not <AmazonEnvelope>");
        }
        String messageType = text(required(envelope, "MessageType"));
        if (!"ProcessingReport".equals(messageType)) {
            throw notAReport("MessageType is '" + messageType + "', not 'ProcessingReport'");
        }
        Element report = required(required(envelope, "Message"), "ProcessingReport");
        Element summary = required(report, "ProcessingSummary");
        List<Result> results = new ArrayList<>();
        for (Element result : children(report, "Result")) {
            results.add(result(result));
        }
        Element transaction = child(report, "DocumentTransactionID");
        return new ProcessingReport(transaction == null ? null : text(transaction),
                text(required(report, "StatusCode")),
                count(summary, "MessagesProcessed"),
                count(summary, "MessagesSuccessful"),
                count(summary, "MessagesWithError"),
                count(summary, "MessagesWithWarning"),
                results);
    }

    private static Result result(Element result) {
        Element messageId = child(result, "MessageID");
        return new Result(messageId == null ? DOCUMENT : number(messageId, "Result/MessageID"),
                text(required(result, "ResultCode")),
                optionalText(result, "ResultMessageCode"),
                optionalText(result, "ResultDescription"));
    }

    /** A summary count; Amazon leaves out MessagesWithWarning when there are none, so missing is zero. */
    private static int count(Element summary, String name) {
        Element count = child(summary, name);
        return count == null ? 0 : number(count, name);
    }

    private static int number(Element element, String what) {
        String text = text(element);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notAReport(what + " '" + text + "' is not a whole number");
        }
    }

    private static Element required(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            throw notAReport("<" + name(parent) + "> has no <" + name + ">");
        }
        return child;
    }

    private static String optionalText(Element parent, String name) {
        Element child = child(parent, name);
        String text = child == null ? null : text(child);
        return text == null || text.isEmpty() ? null : text;
    }

    private static Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(name(element))) {
                children.add(element);
            }
        }
        return children;
    }

    /** The element's name without a namespace prefix. */
    private static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static boolean looksLikeJson(byte[] xml) {
        String start = new String(xml, 0, Math.min(xml.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static IllegalArgumentException notAReport(String why) {
        return new IllegalArgumentException("not an XML processing report: " + why);
    }
}

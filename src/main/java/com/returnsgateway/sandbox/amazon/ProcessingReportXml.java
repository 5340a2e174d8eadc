package com.returnsgateway.sandbox.amazon;

import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The feed processing report Amazon returns as the result document: counts, then one Result per failed message. */
final class ProcessingReportXml {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private ProcessingReportXml() {
    }

    /** One failed message. */
    record Result(long messageId, String resultMessageCode, String description, String amazonOrderId) {
    }

    static byte[] render(String sellerId, String feedId, int processed, int successful, List<Result> errors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("AmazonEnvelope");
            x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            x.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation",
                    "amzn-envelope.xsd");
            x.writeStartElement("Header");
            element(x, "DocumentVersion", "1.02");
            element(x, "MerchantIdentifier", sellerId);
            x.writeEndElement();
            element(x, "MessageType", "ProcessingReport");
            x.writeStartElement("Message");
            element(x, "MessageID", "1");
            x.writeStartElement("ProcessingReport");
            element(x, "DocumentTransactionID", feedId);
            element(x, "StatusCode", "Complete");
            x.writeStartElement("ProcessingSummary");
            element(x, "MessagesProcessed", Integer.toString(processed));
            element(x, "MessagesSuccessful", Integer.toString(successful));
            element(x, "MessagesWithError", Integer.toString(errors.size()));
            element(x, "MessagesWithWarning", "0");
            x.writeEndElement();
            for (Result r : errors) {
                x.writeStartElement("Result");
                element(x, "MessageID", Long.toString(r.messageId()));
                element(x, "ResultCode", "Error");
                element(x, "ResultMessageCode", r.resultMessageCode());
                element(x, "ResultDescription", r.description());
                if (r.amazonOrderId() != null) {
                    x.writeStartElement("AdditionalInfo");
                    element(x, "AmazonOrderID", r.amazonOrderId());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text == null ? "" : text);
        x.writeEndElement();
    }
}

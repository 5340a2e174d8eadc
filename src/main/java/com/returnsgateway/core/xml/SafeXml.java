package com.returnsgateway.core.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way the gateway parses XML (marketplace feeds, forwarder answers): a document with a DOCTYPE is refused,
 * so neither external entities (XXE: reading local files, reaching internal hosts) nor entity expansion ("billion
 * laughs") can happen, and nothing is ever fetched from outside (no external DTDs or schemas, no XInclude).
 */
public final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    /** An XML document that is not well-formed, or that has a DOCTYPE. */
    public static final class UnsafeOrMalformedXmlException extends RuntimeException {
        UnsafeOrMalformedXmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Document parse(byte[] xml) {
        return parse(new ByteArrayInputStream(xml));
    }

    public static Document parse(InputStream xml) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(xml));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE") || message.contains("disallow-doctype-decl")) {
                throw new UnsafeOrMalformedXmlException("XML with a DOCTYPE is refused (no DTDs, no entities): "
                        + "line " + e.getLineNumber(), e);
            }
            throw new UnsafeOrMalformedXmlException("XML is not well-formed: line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + message, e);
        } catch (SAXException e) {
            throw new UnsafeOrMalformedXmlException("XML refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnsafeOrMalformedXmlException("XML could not be read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The factory with every protection on; visible for the test that checks them. */
    static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe: " + e.getMessage(), e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        return factory;
    }
}

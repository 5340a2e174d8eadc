package com.returnsgateway.adapter.amazon.format;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** The tests' own schema of the order adjustment feed (src/test/resources/amazon/order-adjustment.xsd). */
final class FeedSchema {

    private static final Schema SCHEMA = load();

    private FeedSchema() {
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(FeedSchema.class.getResource("/amazon/order-adjustment.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("order-adjustment.xsd is not a valid schema: " + e.getMessage(), e);
        }
    }

    /** Null when {@code xml} is valid, else the validator's complaint. */
    static String problem(String xml) {
        try {
            Validator validator = SCHEMA.newValidator();
            // the document's xsi:noNamespaceSchemaLocation hint must never be fetched
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
            return null;
        } catch (SAXException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

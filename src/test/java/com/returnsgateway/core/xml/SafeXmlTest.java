package com.returnsgateway.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {

    @Test
    void aPlainDocumentIsRead() {
        Document doc = SafeXml.parse("<feed><return id=\"R-1\">ok</return></feed>".getBytes(StandardCharsets.UTF_8));

        assertThat(doc.getDocumentElement().getElementsByTagName("return").item(0).getTextContent()).isEqualTo("ok");
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";

        assertThatThrownBy(() -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXml.UnsafeOrMalformedXmlException.class)
                .hasMessageContaining("DOCTYPE is refused")
                .hasMessageNotContaining("root:");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                doc.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            doc.append("\">");
        }
        doc.append("]><lolz>&lol9;</lolz>");

        assertThatThrownBy(() -> SafeXml.parse(doc.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXml.UnsafeOrMalformedXmlException.class)
                .hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        String external = "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\"><x/>";

        assertThatThrownBy(() -> SafeXml.parse(external.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXml.UnsafeOrMalformedXmlException.class)
                .hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void xincludeIsNotFollowed() {
        String xinclude = "<x xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\""
                + " parse=\"text\"/></x>";

        Document doc = SafeXml.parse(xinclude.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.getDocumentElement().getTextContent()).isEmpty();
    }

    @Test
    void malformedXmlSaysWhere() {
        assertThatThrownBy(() -> SafeXml.parse("<x><y></x>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SafeXml.UnsafeOrMalformedXmlException.class)
                .hasMessageContaining("not well-formed").hasMessageContaining("line 1");
    }

    @Test
    void theFactoryHasEveryProtectionOn() throws Exception {
        var factory = SafeXml.factory();

        assertThat(factory.getFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING)).isTrue();
        assertThat(factory.getFeature("http://apache.org/xml/features/disallow-doctype-decl")).isTrue();
        assertThat(factory.getFeature("http://xml.org/sax/features/external-general-entities")).isFalse();
        assertThat(factory.isXIncludeAware()).isFalse();
        assertThat(factory.isExpandEntityReferences()).isFalse();
    }
}

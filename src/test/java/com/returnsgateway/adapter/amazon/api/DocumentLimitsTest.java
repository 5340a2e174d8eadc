package com.returnsgateway.adapter.amazon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DocumentLimitsTest {

    private final DocumentLimits limits = new DocumentLimits(1024, 4096);

    @Test
    void theDownloadStopsAtTheLimitWithoutReadingTheRest() {
        // an endless answer: only a stream that stops at the limit ends this test
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };

        assertThatThrownBy(() -> limits.read(endless, false)).isInstanceOf(DocumentLimits.TooLargeException.class)
                .hasMessage("it is larger than 1024 bytes (gateway.amazon-api.max-document-size)");
    }

    @Test
    void aGzipBombStopsAtTheUnpackedLimit() throws IOException {
        byte[] bomb = gzip(new byte[512 * 1024]);

        assertThat(bomb.length).isLessThan(1024);
        assertThatThrownBy(() -> limits.read(new ByteArrayInputStream(bomb), false))
                .isInstanceOf(DocumentLimits.TooLargeException.class)
                .hasMessage("it unpacks to more than 4096 bytes (gateway.amazon-api.max-unpacked-document-size)");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesAndPlainTextIsReadAsIs() throws IOException {
        assertThat(limits.read(new ByteArrayInputStream(gzip("a\tb\n".getBytes())), false)).isEqualTo("a\tb\n".getBytes());
        assertThat(limits.read(new ByteArrayInputStream("<AmazonEnvelope/>".getBytes()), false))
                .isEqualTo("<AmazonEnvelope/>".getBytes());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
            out.write(content);
        }
        return packed.toByteArray();
    }
}

package com.returnsgateway.adapter.amazon.api;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a downloaded document within limits while it streams in, not after: at most {@code maxBytes} off the wire
 * ({@code gateway.amazon-api.max-document-size}) and, unpacked, at most {@code maxUnpackedBytes}
 * ({@code max-unpacked-document-size}), so a huge answer or a gzip bomb ends as a clear failure instead of filling the
 * heap. A document is unpacked when Amazon says it is GZIP or it starts with the GZIP magic bytes.
 */
public record DocumentLimits(long maxBytes, long maxUnpackedBytes) {

    /** A document over a limit; says which. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    public DocumentLimits {
        if (maxBytes < 1 || maxUnpackedBytes < 1 || maxUnpackedBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("gateway.amazon-api.max-document-size and max-unpacked-document-size"
                    + " must be between 1 byte and 2 GB");
        }
    }

    /** The document's content, unpacked when it is GZIP; {@link TooLargeException} past a limit. */
    public byte[] read(InputStream body, boolean declaredGzip) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new Counted(body, maxBytes));
        in.mark(2);
        boolean gzip = declaredGzip || in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream content = gzip ? new GZIPInputStream(in) : in;
        byte[] bytes = content.readNBytes((int) maxUnpackedBytes + 1);
        if (bytes.length > maxUnpackedBytes) {
            throw new TooLargeException("it unpacks to more than " + maxUnpackedBytes + " bytes"
                    + " (gateway.amazon-api.max-unpacked-document-size)");
        }
        return bytes;
    }

    /** Fails the read as soon as more than {@code max} bytes came in. */
    private static final class Counted extends FilterInputStream {

        private final long max;
        private long count;

        Counted(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLargeException {
            count += n;
            if (count > max) {
                throw new TooLargeException("it is larger than " + max + " bytes"
                        + " (gateway.amazon-api.max-document-size)");
            }
        }
    }
}

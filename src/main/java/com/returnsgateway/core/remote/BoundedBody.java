package com.returnsgateway.core.remote;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A body read from a stream up to a limit and no further: what a remote system sends beyond it is never held in
 * memory.
 *
 * @param bytes    what was read: all of it, or the first {@code limit} bytes when {@code tooLarge}
 * @param tooLarge the stream had more than {@code limit} bytes
 */
public record BoundedBody(byte[] bytes, boolean tooLarge) {

    public static BoundedBody read(InputStream in, long limit) throws IOException {
        if (in == null) {
            return new BoundedBody(new byte[0], false);
        }
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        // one byte past the limit tells "too large" from "exactly the limit"; readNBytes grows as the bytes come
        byte[] read = in.readNBytes(max + 1);
        return read.length > max ? new BoundedBody(Arrays.copyOf(read, max), true) : new BoundedBody(read, false);
    }
}

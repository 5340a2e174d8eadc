package com.returnsgateway.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The idempotency key of a refund, reship or intercept, made from the business identity of the return
 * (marketplace, returnId) and the purpose, never from the case id: a return read again into a new or restored
 * database gets the same keys, so the remote side recognises the second attempt as the first.
 * <p>
 * Readable form {@code rg:<marketplace>:<returnId>:<purpose>}. When that would be longer than {@link #MAX_LENGTH}
 * or hold characters other than {@code A-Z a-z 0-9 . _ : -} (a marketplace code never holds a colon), the form is
 * {@code rgh:<SHA-256 hex of marketplace NUL returnId>:<purpose>}. Either way a key is at most 100 characters of that
 * set, safe in a header and in a URL path.
 */
public final class IdempotencyKey {

    public static final int MAX_LENGTH = 100;

    private static final Pattern MARKETPLACE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern RETURN_ID = Pattern.compile("[A-Za-z0-9._:-]+");

    public enum Purpose {
        REFUND,
        RESHIP,
        INTERCEPT;

        String suffix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private IdempotencyKey() {
    }

    public static String of(String marketplace, String returnId, Purpose purpose) {
        String readable = "rg:" + marketplace + ":" + returnId + ":" + purpose.suffix();
        if (readable.length() <= MAX_LENGTH && MARKETPLACE.matcher(marketplace).matches()
                && RETURN_ID.matcher(returnId).matches()) {
            return readable;
        }
        return "rgh:" + sha256(marketplace + "\u0000" + returnId) + ":" + purpose.suffix();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

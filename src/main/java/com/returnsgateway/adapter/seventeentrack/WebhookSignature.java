package com.returnsgateway.adapter.seventeentrack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** 17TRACK's webhook signature: lower-case hex SHA-256 of the raw body bytes, then "/", then the API key. */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String of(byte[] body, String apiKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(body);
            sha256.update(("/" + apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compared in constant time; the header's case does not matter. */
    static boolean matches(byte[] body, String apiKey, String sign) {
        if (sign == null || apiKey == null || apiKey.isBlank()) {
            return false;
        }
        byte[] expected = of(body, apiKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = sign.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}

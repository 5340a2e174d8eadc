package com.returnsgateway.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks symmetric signature (https://www.standardwebhooks.com): HMAC-SHA256 with the endpoint's key
 * over {@code {webhook-id}.{webhook-timestamp}.{raw body}}, sent as {@code webhook-signature: v1,<base64>}.
 */
public final class WebhookSignature {

    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    /**
     * The key of a configured secret: {@code whsec_<base64>} is decoded, as Standard Webhooks serializes secrets (and
     * its libraries read them); any other string is taken as it is, its UTF-8 bytes.
     *
     * @throws IllegalArgumentException a {@code whsec_} secret whose rest is not base64
     */
    public static byte[] key(String secret) {
        String value = secret.strip();
        if (value.startsWith(WebhookSettings.SECRET_PREFIX)) {
            return Base64.getDecoder().decode(value.substring(WebhookSettings.SECRET_PREFIX.length()));
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code webhook-signature} header value for one attempt. */
    public static String sign(byte[] key, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}

package com.returnsgateway.core.offer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The accept and decline links of an offer. A token is {@code base64url(claims) "." base64url(HMAC-SHA256(claims))}
 * where claims are {@code caseId|action|nonce|expiry} (expiry in epoch seconds): nothing in it can be changed without
 * the link secret. That a link was used, or the offer answered, is in the database, not in the token.
 */
public class OfferLinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public OfferLinkSigner(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("gateway.negotiation.link-secret is not set: offer links cannot be "
                    + "signed (set it, or gateway.negotiation.enabled=false)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public enum Action {
        ACCEPT, DECLINE;

        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a valid token says. */
    public record Claims(String caseId, Action action, String nonce, Instant expiresAt) {
    }

    public String sign(Claims claims) {
        String payload = payload(claims);
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(
                mac(payload));
    }

    /** The claims of a token signed with this secret; empty for anything else (edited, forged, malformed). */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[0], Action.valueOf(parts[1]), parts[2],
                    Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String payload(Claims claims) {
        return claims.caseId() + "|" + claims.action().name() + "|" + claims.nonce() + "|"
                + claims.expiresAt().getEpochSecond();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

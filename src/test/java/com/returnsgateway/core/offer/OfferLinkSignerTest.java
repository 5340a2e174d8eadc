package com.returnsgateway.core.offer;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.offer.OfferLinkSigner.Action;
import com.returnsgateway.core.offer.OfferLinkSigner.Claims;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OfferLinkSignerTest {

    private static final String SECRET = "test-offer-link-secret-0123456789abcdef";
    private final OfferLinkSigner signer = new OfferLinkSigner(SECRET);
    private final Claims claims = new Claims("C-7001", Action.ACCEPT, "bm9uY2Utb25l", Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void tokenIsTheClaimsAndTheirHmacSha256InBase64Url() throws Exception {
        // computed here, independently of the signer: HMAC-SHA256 over the literal claims
        String literal = "C-7001|ACCEPT|bm9uY2Utb25l|1796119200";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String expected = base64url.encodeToString(literal.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(mac.doFinal(literal.getBytes(StandardCharsets.UTF_8)));

        assertThat(signer.sign(claims)).isEqualTo(expected).doesNotContain("+", "/", "=");
        assertThat(signer.verify(expected)).contains(claims);
    }

    @Test
    void anEditedForgedOrMalformedTokenIsRefused() {
        String token = signer.sign(claims);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String declineInstead = base64url.encodeToString("C-7001|DECLINE|bm9uY2Utb25l|1796119200"
                .getBytes(StandardCharsets.UTF_8));
        String otherCase = base64url.encodeToString("C-7002|ACCEPT|bm9uY2Utb25l|1796119200"
                .getBytes(StandardCharsets.UTF_8));
        String later = base64url.encodeToString("C-7001|ACCEPT|bm9uY2Utb25l|1896119200"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(signer.verify(declineInstead + "." + signature)).isEmpty();
        assertThat(signer.verify(otherCase + "." + signature)).isEmpty();
        assertThat(signer.verify(later + "." + signature)).isEmpty();
        assertThat(signer.verify(payload + "." + signature.substring(1))).isEmpty();
        assertThat(signer.verify(new OfferLinkSigner("another-secret-of-enough-length-0000").sign(claims))).isEmpty();
        assertThat(signer.verify(payload)).isEmpty();
        assertThat(signer.verify("")).isEmpty();
        assertThat(signer.verify("%%%.***")).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
    }
}

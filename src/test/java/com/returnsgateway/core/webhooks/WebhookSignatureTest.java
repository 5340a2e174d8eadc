package com.returnsgateway.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks signature against vectors the gateway did not compute. */
class WebhookSignatureTest {

    @Test
    void theStandardWebhooksLibrariesOwnVector() {
        // standard-webhooks/standard-webhooks, libraries/go/webhook_test.go (TestWebhookSign)
        byte[] key = WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aRawSecretIsItsUtf8BytesAndTheBodyIsSignedByteForByte() throws Exception {
        String body = "{\"id\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"type\":\"case.opened\",\"data\":{\"note\":\"日本\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a plain shared secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                ("1b4e28ba-2fa1-11d2-883f-0016d3cca427.1700000000." + body).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(WebhookSignature.key(" a plain shared secret "),
                "1b4e28ba-2fa1-11d2-883f-0016d3cca427", 1700000000L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
    }

    @Test
    void aWhsecSecretIsDecodedAndAnotherTimestampSignsDifferently() {
        byte[] key = WebhookSignature.key("whsec_c2FuZGJveC1iYWNrb2ZmaWNlLXdlYmhvb2tzLW1hZGUtdXA=");
        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("sandbox-backoffice-webhooks-made-up");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.sign(key, "id", 1L, body)).isNotEqualTo(WebhookSignature.sign(key, "id", 2L, body));
        assertThatThrownBy(() -> WebhookSignature.key("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}

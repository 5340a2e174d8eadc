package com.returnsgateway.adapter.yunexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The OpenAPI signature against vectors worked out apart from the code under test. */
class YunExpressSignatureTest {

    private static final String SECRET = "sandbox-openapi-app-secret";

    @Test
    void theStringToSignHasItsKeysInAlphabeticalOrderAndLeavesOutAMissingBody() {
        assertThat(OpenApiSignature.stringToSign("{\"waybill_number\":\"YT1\"}", 1764057600000L, "POST",
                "/v1/order/hold"))
                .isEqualTo("body={\"waybill_number\":\"YT1\"}&date=1764057600000&method=POST&uri=/v1/order/hold");
        assertThat(OpenApiSignature.stringToSign(null, 1764057600000L, "GET", "/v1/track-service/info/get"))
                .isEqualTo("date=1764057600000&method=GET&uri=/v1/track-service/info/get");
        assertThat(OpenApiSignature.stringToSign("", 1L, "GET", "/x")).isEqualTo("date=1&method=GET&uri=/x");
    }

    @Test
    void theSignatureIsBase64OfHmacSha256WithTheAppSecret() throws Exception {
        String written = "body={\"waybill_number\":\"YT2611250002001\",\"remark\":\"return SBX-1026\"}"
                + "&date=1764057600000&method=POST&uri=/v1/order/hold";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String byHand = Base64.getEncoder().encodeToString(mac.doFinal(written.getBytes(StandardCharsets.UTF_8)));

        assertThat(OpenApiSignature.sign(SECRET, written)).isEqualTo(byHand)
                // worked out once with Python's hmac module
                .isEqualTo("9oB6s+e4neCl3FE+HCwAgU1SAYJnZQWj4ea8nBiMUrI=");
        assertThat(OpenApiSignature.sign(SECRET, "date=1764057600000&method=GET&uri=/v1/track-service/info/get"))
                .isEqualTo("yZSgGK2YYyl0I+ISjxomhle/3Ai4YICGQiixo8iVeHI=");
    }
}

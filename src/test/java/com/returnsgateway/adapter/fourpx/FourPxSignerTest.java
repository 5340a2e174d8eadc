package com.returnsgateway.adapter.fourpx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sign against MD5s of strings written out by hand, as 4PX's documentation spells the signed text. */
class FourPxSignerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1764403200123L), ZoneOffset.UTC);
    private final FourPxSigner signer = new FourPxSigner(CLOCK);

    @Test
    void signsSortedParametersThenTheBodyThenTheSecret() throws Exception {
        String body = "{\"request_no\":\"4PX3001200001CN\"}";
        Map<String, String> query = signer.parameters("ds.xms.order.get", settings("", "en"), body);

        String expected = md5("app_keyK-123formatjsonmethodds.xms.order.gettimestamp1764403200123v1.1.0"
                + "{\"request_no\":\"4PX3001200001CN\"}" + "S3CRET");
        // computed once with md5sum over the same text
        assertThat(expected).isEqualTo("a194f8298187ff154113999c22fbab2b");
        assertThat(query).containsEntry("sign", expected)
                .containsEntry("app_key", "K-123").containsEntry("format", "json")
                .containsEntry("method", "ds.xms.order.get").containsEntry("v", "1.1.0")
                .containsEntry("timestamp", "1764403200123").containsEntry("language", "en");
    }

    @Test
    void accessTokenAndLanguageAreSentButNotSigned() throws Exception {
        String body = "{\"request_no\":\"W1\",\"is_hold\":\"Y\",\"hold_reason\":\"return\"}";
        Map<String, String> query = signer.parameters("ds.xms.order.hold", settings("TOKEN-9", "cn"), body);

        assertThat(query.get("sign")).isEqualTo(md5("app_keyK-123formatjsonmethodds.xms.order.hold"
                + "timestamp1764403200123v1.0.0" + "{\"request_no\":\"W1\",\"is_hold\":\"Y\",\"hold_reason\":\"return\"}"
                + "S3CRET"));
        assertThat(query).containsEntry("access_token", "TOKEN-9").containsEntry("language", "cn");
        assertThat(FourPxSigner.sign(Map.of("v", "1.0.0", "app_key", "K-123", "sign", "ignored",
                "access_token", "ignored", "language", "ignored"), "", "S3CRET"))
                .isEqualTo(md5("app_keyK-123v1.0.0S3CRET"));
    }

    @Test
    void theBodyIsSignedAsUtf8Bytes() throws Exception {
        assertThat(FourPxSigner.sign(Map.of("method", "tr.order.tracking.get"), "{\"x\":\"退货\"}", "s"))
                .isEqualTo(md5("methodtr.order.tracking.get{\"x\":\"\u9000\u8d27\"}s"))
                // computed once with md5sum over the same UTF-8 text
                .isEqualTo("494ec389b75aba2491e16da21869d26b");
    }

    @Test
    void theQueryStringCarriesEveryParameterUrlEncoded() {
        String query = signer.query("tr.order.tracking.get", new FourPxSettings("K 1", "S", "", "en",
                Duration.ofMinutes(30), "", ""), "{}");
        assertThat(query).startsWith("app_key=K+1&format=json&method=tr.order.tracking.get&timestamp=1764403200123"
                + "&v=1.0.0&sign=").endsWith("&language=en");
    }

    @Test
    void versionsPerMethod() {
        assertThat(FourPxSigner.version("ds.xms.order.get")).isEqualTo("1.1.0");
        assertThat(FourPxSigner.version("ds.xms.order.hold")).isEqualTo("1.0.0");
        assertThat(FourPxSigner.version("tr.order.tracking.get")).isEqualTo("1.0.0");
        // unconfirmed: no published version found for the GRS methods
        assertThat(FourPxSigner.version("re.grs.rma.create")).isEqualTo("1.0.0");
        assertThat(FourPxSigner.version("re.grs.rmainfo.get")).isEqualTo("1.0.0");
        assertThatThrownBy(() -> FourPxSigner.version("ds.xms.order.create")).isInstanceOf(IllegalArgumentException.class);
    }

    private static FourPxSettings settings(String accessToken, String language) {
        return new FourPxSettings("K-123", "S3CRET", accessToken, language, Duration.ofMinutes(30), "", "");
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

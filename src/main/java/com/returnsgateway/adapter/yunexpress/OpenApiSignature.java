package com.returnsgateway.adapter.yunexpress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OpenAPI's request signature: {@code Base64(HMAC-SHA256(appSecret, S))} with
 * {@code S = "body={raw json}&date={epoch ms}&method={VERB}&uri={path}"}, keys in alphabetical order, {@code body=}
 * left out when the request has none, the path without its query.
 */
final class OpenApiSignature {

    private OpenApiSignature() {
    }

    /** @param path the API path below the base URL ({@code /v1/order/hold}), without a query */
    static String stringToSign(String body, long dateMillis, String method, String path) {
        String signed = "date=" + dateMillis + "&method=" + method + "&uri=" + path;
        return body == null || body.isEmpty() ? signed : "body=" + body + "&" + signed;
    }

    static String sign(String appSecret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

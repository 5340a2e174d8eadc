package com.returnsgateway.adapter.yunexpress;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A forwarder on YunExpress's OpenAPI ({@code gateway.forwarders.<code>.type: yunexpress-openapi}, settings under
 * {@code gateway.forwarders.<code>.yunexpress-openapi.*}). The app secret both fetches the access token and signs
 * every call; it comes from the environment or a secret file and {@link #toString()} does not show it.
 */
public record OpenApiSettings(@DefaultValue("") String appId, @DefaultValue("") String appSecret) {

    public static final String TYPE = "yunexpress-openapi";

    boolean complete() {
        return !appId.isBlank() && !appSecret.isBlank();
    }

    @Override
    public String toString() {
        return "OpenApiSettings[appId " + appId + "]";
    }
}

package com.returnsgateway.adapter.yunexpress;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A forwarder on YunExpress's classic OMS API ({@code gateway.forwarders.<code>.type: yunexpress}, settings under
 * {@code gateway.forwarders.<code>.yunexpress.*}). The customer code and API secret come from the environment or a
 * secret file; {@link #toString()} shows neither.
 *
 * @param allowPlainHttp the OMS production host is published on http:// only; production refuses an http://
 *                       base-url unless this says the operator accepts it for this forwarder
 */
public record OmsSettings(@DefaultValue("") String customerCode, @DefaultValue("") String apiSecret,
                          @DefaultValue("false") boolean allowPlainHttp) {

    public static final String TYPE = "yunexpress";

    boolean complete() {
        return !customerCode.isBlank() && !apiSecret.isBlank();
    }

    @Override
    public String toString() {
        return "OmsSettings[customerCode set " + !customerCode.isBlank() + ", allowPlainHttp " + allowPlainHttp + "]";
    }
}

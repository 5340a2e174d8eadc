package com.returnsgateway.adapter.fourpx;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A forwarder on the 4PX open platform ({@code gateway.forwarders.<code>.type: 4px}, settings under
 * {@code gateway.forwarders.<code>.4px.*}). The router is {@code {base-url}/router/api/service}, base-url
 * {@code https://open.4px.com} in production. The app secret comes from the environment or a secret file; only the
 * sandbox's made-up values are written in a committed file.
 *
 * @param accessToken    only for ISV apps acting for a seller (4PX's OAuth); empty for a seller's own app
 * @param language       4PX's answer language: {@code en} or {@code cn}
 * @param answerDeadline   how long a case waits for a hold to succeed before operations take over
 * @param returnsWarehouse the 4PX return warehouse (GRS {@code warehouse_code}) buyers' returns are forecast to;
 *                         empty: this forwarder takes no returns
 * @param returnsProduct   the GRS service product of those forecasts ({@code services_product_code})
 */
public record FourPxSettings(@DefaultValue("") String appKey, @DefaultValue("") String appSecret,
                             @DefaultValue("") String accessToken, @DefaultValue("en") String language,
                             @DefaultValue("30m") Duration answerDeadline, @DefaultValue("") String returnsWarehouse,
                             @DefaultValue("") String returnsProduct) {

    /** The protocol's {@code type:}. */
    public static final String TYPE = "4px";

    /** {@code {base-url}/router/api/service}. */
    public static String routerUrl(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + "/router/api/service";
    }
}

package com.returnsgateway.sandbox.amazon;

import java.util.List;

/**
 * A selling partner that authorised the gateway's application: the LWA refresh token and client it exchanges, the
 * marketplaces it sells in, and whether the application holds the restricted (PII) role for it. {@code account} is
 * the gateway's account code for this seller.
 */
public record SimulatedSeller(String sellerId, String account, String refreshToken, String clientId,
                              String clientSecret, List<String> marketplaceIds, boolean piiRole) {

    public SimulatedSeller {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    static SimulatedSeller fromJson(tools.jackson.databind.JsonNode node) {
        AmazonJson.requireObject(node, "a seller");
        return new SimulatedSeller(AmazonJson.requireText(node, "sellerId"), AmazonJson.text(node, "account"),
                AmazonJson.requireText(node, "refreshToken"), AmazonJson.requireText(node, "clientId"),
                AmazonJson.requireText(node, "clientSecret"), AmazonJson.requireTextList(node, "marketplaceIds"),
                AmazonJson.bool(node, "piiRole", false));
    }
}

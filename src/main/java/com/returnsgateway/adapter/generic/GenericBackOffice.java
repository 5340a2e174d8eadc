package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.port.BackOfficePort;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The back office takes a replacement at {@code POST {gateway.back-office.base-url}/reships} and answers a reshipId. */
@Component
public class GenericBackOffice implements BackOfficePort {

    private final GatewayProperties properties;
    private final RemoteCalls calls;
    private final JsonMapper json;

    public GenericBackOffice(GatewayProperties properties, RemoteCalls calls, JsonMapper json) {
        this.properties = properties;
        this.calls = calls;
        this.json = json;
    }

    @Override
    public String reship(ReturnCase returnCase, String idempotencyKey) {
        String base = properties.backOffice().baseUrl();
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("a replacement needs gateway.back-office.base-url, which is not set");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", returnCase.caseId());
        body.put("marketplace", returnCase.marketplace());
        body.put("returnId", returnCase.request().returnId());
        body.put("orderId", returnCase.request().orderId());
        List<Map<String, Object>> items = returnCase.request().items().stream()
                .map(GenericBackOffice::reshipItem)
                .toList();
        body.put("items", items);
        body.put("shipTo", returnCase.request().buyer().address());
        String answer = calls.call(RemoteCall.postJson(RemoteSystem.BACK_OFFICE, properties.backOffice().url("/reships"),
                json.writeValueAsString(body), idempotencyKey, "back office (reship)")).requireSuccess();
        return answer == null || answer.isBlank() ? null
                : JsonAnswers.text(JsonAnswers.lenient(json, answer), "reshipId");
    }

    private static Map<String, Object> reshipItem(ReturnItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sku", item.sku());
        map.put("quantity", item.quantity());
        return map;
    }
}

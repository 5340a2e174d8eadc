package com.returnsgateway.adapter.generic;

import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.port.BackOfficePort;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The back office takes a replacement at {@code POST {gateway.back-office.base-url}/reships} and answers a reshipId. */
@Component
public class GenericBackOffice implements BackOfficePort {

    private final GenericApi api;

    GenericBackOffice(GenericApi api) {
        this.api = api;
    }

    @Override
    public String reship(ReturnCase returnCase, String idempotencyKey) {
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
        String answer = api.postJson(RemoteSystem.BACK_OFFICE, api.backOfficeUrl("/reships"), body, idempotencyKey,
                "back office (reship)");
        return api.reference(answer, "reshipId");
    }

    private static Map<String, Object> reshipItem(ReturnItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sku", item.sku());
        map.put("quantity", item.quantity());
        return map;
    }
}

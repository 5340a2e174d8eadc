package com.returnsgateway.core.webhooks;

import com.returnsgateway.core.cases.CaseEvent;
import com.returnsgateway.core.logging.PiiMask;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a webhook, Standard Webhooks' payload structure: {@code id}, {@code type} (such as
 * {@code refund.accepted}), {@code timestamp} (when it happened, ISO-8601 UTC) and {@code data}: the case's
 * {@code caseId}, {@code marketplace}, {@code returnId}, {@code orderId}, {@code status}, then what the event knows
 * ({@code forwarder}, {@code waybill}, {@code amount} as a decimal string, {@code currency}, {@code refundType},
 * {@code reason}). Never the buyer's name, address or email; a reason (which may quote a remote system) is masked
 * like a log line. Built once and stored: every retry and replay sends and signs these same bytes.
 */
public final class WebhookBody {

    /** What the body says about the case, read in the event's transaction. */
    public record CaseFacts(String marketplace, String returnId, String orderId, String status) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DETAILS_IN_ORDER = List.of("forwarder", "waybill", "amount", "currency",
            "refundType", "reason");

    private WebhookBody() {
    }

    public static String of(UUID eventId, CaseEvent event, CaseFacts facts) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", eventId.toString());
        body.put("type", event.type().externalName());
        body.put("timestamp", event.at().toString());
        ObjectNode data = body.putObject("data");
        data.put("caseId", event.caseId());
        data.put("marketplace", first(event.detail("marketplace"), facts.marketplace()));
        data.put("returnId", facts.returnId());
        data.put("orderId", facts.orderId());
        data.put("status", first(event.detail("status"), facts.status()));
        Map<String, String> rest = new TreeMap<>(event.details());
        rest.remove("marketplace");
        rest.remove("status");
        for (String key : DETAILS_IN_ORDER) {
            String value = rest.remove(key);
            if (value != null) {
                data.put(key, key.equals("reason") ? PiiMask.mask(value) : value);
            }
        }
        // a detail a later event type brings: passed on as it is, after the known ones
        rest.forEach(data::put);
        return JSON.writeValueAsString(body);
    }

    private static String first(String preferred, String otherwise) {
        return preferred != null ? preferred : otherwise;
    }
}

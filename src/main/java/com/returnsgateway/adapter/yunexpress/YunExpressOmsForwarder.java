package com.returnsgateway.adapter.yunexpress;

import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteAnswer;
import com.returnsgateway.core.remote.RemoteCall;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteCalls;
import com.returnsgateway.core.resilience.RemoteSystem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * YunExpress's classic OMS API ({@code type: yunexpress}): {@code Authorization: Basic base64("code&secret")}, an
 * envelope {@code {"Item"|"Items", "Code", "Message", "RequestId", "TimeStamp"}} whose {@code Code} "0000" is
 * success. Status from {@code GET Tracking/GetTrackInfo} ({@code PackageState} 0..7 is the code mapped by the status
 * profile); intercept by {@code POST WayBill/Intercept}, answered at once. The OMS knows no idempotency key: asking
 * again to intercept the same waybill is the same request.
 */
@Component
public class YunExpressOmsForwarder implements ForwarderPort {

    static final String SUCCESS = "0000";
    static final String CREDENTIALS_REFUSED = "1002";
    static final String BAD_PARAMETER = "1004";
    static final String NO_DATA = "1006";
    static final String PLATFORM_ERROR = "9999";
    static final String REQUEST_LIMIT = "10000";
    /** YunExpress gives no wait with its request limit; a minute keeps the case from hammering it. */
    static final Duration REQUEST_LIMIT_WAIT = Duration.ofMinutes(1);

    private final GatewayProperties properties;
    private final YunExpressAccounts accounts;
    private final RemoteCalls calls;
    private final YunExpressJson json;

    YunExpressOmsForwarder(GatewayProperties properties, YunExpressAccounts accounts, RemoteCalls calls,
                           JsonMapper json) {
        this.properties = properties;
        this.accounts = accounts;
        this.calls = calls;
        this.json = new YunExpressJson(json);
    }

    @Override
    public String type() {
        return OmsSettings.TYPE;
    }

    @Override
    public Abilities abilities() {
        return new Abilities(true, Answer.AT_ONCE);
    }

    @Override
    public ParcelStatus status(String forwarder, String waybill) {
        String what = "forwarder " + forwarder + " (status of " + waybill + ")";
        RemoteCall call = new RemoteCall(RemoteSystem.forwarder(forwarder), "GET",
                url(forwarder, "/Tracking/GetTrackInfo?OrderNumber=" + URLEncoder.encode(waybill, StandardCharsets.UTF_8)),
                null, null, authorization(forwarder), what);
        JsonNode envelope = envelope(forwarder, calls.call(call), what);
        String code = YunExpressJson.text(envelope, "Code");
        if (NO_DATA.equals(code)) {
            return ParcelStatus.unknownWaybill();
        }
        if (!SUCCESS.equals(code)) {
            throw failure(forwarder, code, envelope, what);
        }
        JsonNode item = item(envelope, waybill);
        if (item == null) {
            return ParcelStatus.unknownWaybill();
        }
        String state = YunExpressJson.text(item, "PackageState");
        if (state == null) {
            throw RemoteCallException.permanent(what + " answered without a PackageState: "
                    + HttpResponses.oneLine(envelope.toString()));
        }
        return ParcelStatus.of(state, detail(item));
    }

    @Override
    public InterceptAnswer intercept(String forwarder, InterceptRequest request) {
        String what = "forwarder " + forwarder + " (intercept " + request.waybill() + ")";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OrderType", 1); // 1: the number is YunExpress's waybill number
        body.put("OrderNumber", request.waybill());
        body.put("Remark", request.reason() == null ? "" : request.reason());
        RemoteCall call = new RemoteCall(RemoteSystem.forwarder(forwarder), "POST", url(forwarder, "/WayBill/Intercept"),
                "application/json;charset=UTF-8", json.write(body), authorization(forwarder), what);
        JsonNode envelope = envelope(forwarder, calls.call(call), what);
        String code = YunExpressJson.text(envelope, "Code");
        String message = YunExpressJson.text(envelope, "Message");
        if (SUCCESS.equals(code)) {
            JsonNode item = item(envelope, request.waybill());
            String result = YunExpressJson.text(item, "Result");
            String remark = YunExpressJson.text(item, "Remark");
            return InterceptAnswer.of(new InterceptOutcome(InterceptOutcome.Result.ACCEPTED,
                    result != null ? result : SUCCESS, remark != null ? remark : message));
        }
        if (code == null || CREDENTIALS_REFUSED.equals(code) || REQUEST_LIMIT.equals(code)
                || PLATFORM_ERROR.equals(code) || BAD_PARAMETER.equals(code)) {
            throw failure(forwarder, code, envelope, what);
        }
        // 1006 (no such waybill) and YunExpress's business refusals (already out, cannot be intercepted)
        return InterceptAnswer.of(new InterceptOutcome(InterceptOutcome.Result.REJECTED, code, message));
    }

    /** The envelope of an answer; HTTP failures first (an error page in front of the OMS has no envelope). */
    private JsonNode envelope(String forwarder, RemoteAnswer answer, String what) {
        if (answer.status() == 401 || answer.status() == 403) {
            throw RemoteCallException.credentialsRefused("forwarder " + forwarder, what + " refused the customer "
                    + "code and API secret (HTTP " + answer.status() + "): check gateway.forwarders." + forwarder
                    + ".yunexpress.customer-code and .api-secret");
        }
        return json.object(answer.requireSuccess(), what);
    }

    private static RemoteCallException failure(String forwarder, String code, JsonNode envelope, String what) {
        String said = what + " answered Code " + code + ": " + YunExpressJson.text(envelope, "Message");
        if (code == null) {
            return RemoteCallException.permanent(what + " answered without a Code: "
                    + HttpResponses.oneLine(envelope.toString()));
        }
        return switch (code) {
            case CREDENTIALS_REFUSED -> RemoteCallException.credentialsRefused("forwarder " + forwarder, said
                    + " (check gateway.forwarders." + forwarder + ".yunexpress.customer-code and .api-secret)");
            case REQUEST_LIMIT -> RemoteCallException.transientFailure(said, REQUEST_LIMIT_WAIT);
            case PLATFORM_ERROR -> RemoteCallException.transientFailure(said, null);
            default -> RemoteCallException.permanent(said);
        };
    }

    /** {@code Item}, or the entry of {@code Items} about the number (both shapes are seen). */
    private static JsonNode item(JsonNode envelope, String number) {
        String[] fields = {"WaybillNumber", "OrderNumber", "TrackingNumber", "CustomerOrderNumber"};
        JsonNode item = YunExpressJson.entryFor(envelope.get("Item"), number, fields);
        return item != null ? item : YunExpressJson.entryFor(envelope.get("Items"), number, fields);
    }

    /** For the timeline: the tracking status and the latest event, when the OMS gave them. */
    private static String detail(JsonNode item) {
        StringBuilder detail = new StringBuilder();
        String tracking = YunExpressJson.text(item, "TrackingStatus");
        if (tracking != null) {
            detail.append("TrackingStatus ").append(tracking);
        }
        JsonNode events = item.get("OrderTrackingDetails");
        if (events != null && events.isArray() && !events.isEmpty()) {
            JsonNode latest = latest(events);
            StringBuilder event = new StringBuilder();
            for (String field : new String[] {"ProcessDate", "ProcessLocation", "ProcessContent"}) {
                String value = YunExpressJson.text(latest, field);
                if (value != null) {
                    event.append(event.isEmpty() ? "" : " ").append(value);
                }
            }
            if (!event.isEmpty()) {
                detail.append(detail.isEmpty() ? "" : "; ").append("latest: ").append(event);
            }
        }
        String text = HttpResponses.oneLine(detail.toString());
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    /** The event with the greatest ProcessDate (ISO-like dates sort as text); the last one when none has a date. */
    private static JsonNode latest(JsonNode events) {
        JsonNode latest = events.get(events.size() - 1);
        String latestDate = null;
        for (JsonNode event : events) {
            String date = YunExpressJson.text(event, "ProcessDate");
            if (date != null && (latestDate == null || date.compareTo(latestDate) > 0)) {
                latest = event;
                latestDate = date;
            }
        }
        return latest;
    }

    private Map<String, String> authorization(String forwarder) {
        OmsSettings settings = accounts.oms(forwarder);
        String pair = settings.customerCode().strip() + "&" + settings.apiSecret().strip();
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private String url(String forwarder, String path) {
        return properties.forwarders().get(forwarder).url(path);
    }
}

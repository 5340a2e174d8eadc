package com.returnsgateway.adapter.fourpx;

import static com.returnsgateway.adapter.fourpx.FourPxAnswer.text;

import com.returnsgateway.core.model.InterceptOutcome;
import com.returnsgateway.core.model.InterceptOutcome.Result;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteCalls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A forwarder on the 4PX open platform: every call is a signed POST to its router ({@link FourPxSigner}). The status
 * is the consignment's {@code consignment_status} (D draft, P forecast, V handed over, H in warehouse, C outbound,
 * F finished, R returned, X closed), or, once the parcel has left, the latest tracking code when it says more
 * (delivered, out for delivery, failed, held, disposed). An intercept is a hold, whose outcome 4PX tells later: the
 * order's {@code is_hold_sign} goes Y (requested) and then S (succeeded) or N (released).
 */
@Component
public class FourPxForwarder implements ForwarderPort {

    /** Consignment statuses of a parcel that has left 4PX's hands: its tracking may say more. */
    private static final Set<String> LEFT = Set.of("V", "C", "F", "R");
    /** Consignment statuses past forecast: a hold not succeeded by then will not be. */
    private static final Set<String> PAST_FORECAST = Set.of("V", "C", "F", "R", "X");
    /**
     * Tracking codes (prefixes) that say more than the consignment status (graded C3): delivered, out for delivery,
     * failed delivery, held (customs or facility), disposal. 4PX's return-to-sender codes are not known: R stays R.
     */
    private static final List<String> TELLING_CODES = List.of("FPX_S_OK", "FPX_D_SD", "FPX_D_FD", "FPX_C_HF",
            "FPX_I_HC", "FPX_C_DT", "FPX_Y_DS");

    private final FourPxForwarders accounts;
    private final FourPxRouter router;

    public FourPxForwarder(FourPxForwarders accounts, FourPxSigner signer, RemoteCalls calls) {
        this.accounts = accounts;
        this.router = new FourPxRouter(accounts, signer, calls);
    }

    @Override
    public String type() {
        return FourPxSettings.TYPE;
    }

    @Override
    public Abilities abilities() {
        return new Abilities(true, Answer.POLLED);
    }

    @Override
    public ParcelStatus status(String forwarder, String waybill) {
        JsonNode consignment = consignment(forwarder, waybill, "status of " + waybill);
        if (consignment == null) {
            return ParcelStatus.unknownWaybill();
        }
        String status = text(consignment, "consignment_status").trim();
        if (status.isEmpty()) {
            throw RemoteCallException.permanent("forwarder " + forwarder + " (status of " + waybill
                    + ") answered an order without consignment_status: " + consignment);
        }
        if (!LEFT.contains(status)) {
            return ParcelStatus.of(status, "");
        }
        JsonNode event = latestEvent(forwarder, waybill);
        String code = event == null ? "" : text(event, "businessLinkCode").trim();
        if (TELLING_CODES.stream().noneMatch(code::startsWith)) {
            return ParcelStatus.of(status, "");
        }
        return ParcelStatus.of(code, "4PX tracking of " + waybill + " (consignment " + status + "): "
                + code + " at " + text(event, "occurDatetime")
                + (text(event, "occurLocation").isBlank() ? "" : ", " + text(event, "occurLocation"))
                + (text(event, "trackingContent").isBlank() ? "" : ": " + text(event, "trackingContent")));
    }

    @Override
    public InterceptAnswer intercept(String forwarder, InterceptRequest request) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("request_no", request.waybill());
        body.put("is_hold", "Y");
        body.put("hold_reason", request.reason());
        String what = "forwarder " + forwarder + " (hold of " + request.waybill() + ")";
        FourPxAnswer answer = router.call(forwarder, FourPxSigner.HOLD_ORDER, body, what);
        if (answer.success()) {
            return InterceptAnswer.later("hold requested at 4PX; waiting for it to succeed");
        }
        return switch (answer.code()) {
            case "DS000031", "DS000032" -> InterceptAnswer.of(new InterceptOutcome(Result.REJECTED, answer.code(),
                    answer.message()));
            // already held: our own earlier request (sent before a crash or a lost answer) or someone else's; whether
            // it succeeded is read from the order, so a hold still only requested is not taken for a success
            case "DS000036" -> followUp(forwarder, request);
            default -> throw answer.failure(accounts.of(forwarder), FourPxSigner.HOLD_ORDER, what);
        };
    }

    @Override
    public InterceptAnswer followUp(String forwarder, InterceptRequest request) {
        String waybill = request.waybill();
        JsonNode consignment = consignment(forwarder, waybill, "hold of " + waybill);
        if (consignment == null) {
            throw RemoteCallException.permanent("forwarder " + forwarder + " no longer knows " + waybill
                    + " while its hold was awaited");
        }
        String sign = text(consignment, "is_hold_sign").trim();
        String status = text(consignment, "consignment_status").trim();
        if ("S".equals(sign)) {
            return InterceptAnswer.of(new InterceptOutcome(Result.ACCEPTED, "S", "4PX holds the parcel"));
        }
        if ("N".equals(sign)) {
            return InterceptAnswer.of(new InterceptOutcome(Result.REJECTED, "N",
                    "4PX released the hold (is_hold_sign N, consignment " + status + ")"));
        }
        if (PAST_FORECAST.contains(status)) {
            return InterceptAnswer.of(new InterceptOutcome(Result.REJECTED, status, "the parcel moved on to "
                    + "consignment status " + status + " before 4PX confirmed the hold (is_hold_sign "
                    + (sign.isEmpty() ? "not set" : sign) + ")"));
        }
        return InterceptAnswer.later("hold requested at 4PX (is_hold_sign " + (sign.isEmpty() ? "not set" : sign)
                + ", consignment " + status + "); waiting for it to succeed");
    }

    @Override
    public Duration answerDeadline(String forwarder) {
        return accounts.of(forwarder).settings().answerDeadline();
    }

    /** The order's {@code consignment_info}, or null when 4PX does not know the number. */
    private JsonNode consignment(String forwarder, String waybill, String purpose) {
        String what = "forwarder " + forwarder + " (" + purpose + ")";
        FourPxAnswer answer = router.call(forwarder, FourPxSigner.GET_ORDER, Map.of("request_no", waybill), what);
        if (answer.noData()) {
            return null;
        }
        if (!answer.success()) {
            throw answer.failure(accounts.of(forwarder), FourPxSigner.GET_ORDER, what);
        }
        JsonNode orders = answer.data();
        JsonNode first = orders.isArray() ? orders.get(0) : orders;
        JsonNode info = first == null ? null : first.get("consignment_info");
        if (info == null || !info.isObject()) {
            throw RemoteCallException.permanent(what + " answered an order without consignment_info: "
                    + HttpResponses.oneLine(answer.body()));
        }
        return info;
    }

    /** The tracking event that happened last, or null when 4PX has none yet. */
    private JsonNode latestEvent(String forwarder, String waybill) {
        String what = "forwarder " + forwarder + " (tracking of " + waybill + ")";
        FourPxAnswer answer = router.call(forwarder, FourPxSigner.GET_TRACKING,
                Map.of("deliveryOrderNo", waybill), what);
        if (answer.noData()) {
            return null;
        }
        if (!answer.success()) {
            throw answer.failure(accounts.of(forwarder), FourPxSigner.GET_TRACKING, what);
        }
        JsonNode data = answer.data();
        JsonNode tracking = (data.isArray() ? data.path(0) : data).path("trackingList");
        JsonNode latest = null;
        // "yyyy-MM-dd HH:mm:ss" sorts as text; the list's own order is not documented, so the latest time wins
        for (JsonNode event : tracking) {
            if (latest == null || text(event, "occurDatetime").compareTo(text(latest, "occurDatetime")) >= 0) {
                latest = event;
            }
        }
        return latest;
    }
}

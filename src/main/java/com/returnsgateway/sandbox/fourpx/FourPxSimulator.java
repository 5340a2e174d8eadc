package com.returnsgateway.sandbox.fourpx;

import com.returnsgateway.sandbox.ForwarderSimulator;
import com.returnsgateway.sandbox.ForwarderSimulator.Parcel;
import com.returnsgateway.sandbox.SandboxEnabled;
import com.returnsgateway.sandbox.SandboxException;
import com.returnsgateway.sandbox.SimulatedForwarders;
import com.returnsgateway.sandbox.seventeentrack.SeventeenTrackSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 4PX's open platform router for the parcels of forwarder {@code 4px} in {@link ForwarderSimulator}: the checks the
 * router makes (app key, rate, method and version, parameters, sign over the body bytes received, JSON body), and
 * ds.xms.order.get, ds.xms.order.hold and tr.order.tracking.get. A parcel's status there is a consignment status
 * letter, or a tracking code such as {@code FPX_D_FD} (outbound C with that latest event; {@code FPX_S_OK*}: finished F).
 * The returns service (GRS) too: re.grs.rma.create forecasts a return and answers its RMA number, WAIT_RECEIVER;
 * re.grs.rmainfo.get reads it, RECEIVER_COMPLETE once the 17TRACK simulator says its parcel was delivered or a control
 * sets it ({@code PUT /sandbox/4px/rmas/{rmaNo}}).
 * Error messages are the sandbox's wording; codes starting {@code SBX_} are the sandbox's own, where 4PX's are not known.
 */
@Component
@SandboxEnabled
@EnableConfigurationProperties(FourPxSimulatorProperties.class)
public class FourPxSimulator implements SimulatedForwarders {

    /** The forwarder code whose parcels it serves. */
    public static final String CODE = "4px";

    // the GRS methods' versions are the gateway's guess (unconfirmed), mirrored here
    static final Map<String, String> VERSIONS = Map.of("ds.xms.order.get", "1.1.0", "ds.xms.order.hold", "1.0.0",
            "tr.order.tracking.get", "1.0.0", "re.grs.rma.create", "1.0.0", "re.grs.rmainfo.get", "1.0.0");
    /** GRS's RMA statuses (REFERENCE.md "4PX open platform"). */
    static final Set<String> RMA_STATUSES = Set.of("WAIT_RECEIVER", "WAIT_CHECK", "WAIT_PUT_AWAY", "PUT_AWAY_SUCCESS",
            "DESTROY_SUCCESS", "CANCEL_SUCCESS", "RECEIVER_COMPLETE", "EXPIRE_DESTRUCTION");

    /** The errors it can answer, each with the sandbox's message (also for {@code PUT /sandbox/4px/next-error}). */
    static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("000004", "request body is not valid JSON"),
            Map.entry("000011", "API does not exist"),
            Map.entry("000012", "illegal signature"),
            Map.entry("000013", "app_key does not exist"),
            Map.entry("000014", "invalid authentication parameters"),
            Map.entry("000015", "API is unavailable"),
            Map.entry("000016", "API is not authorised for this app"),
            Map.entry("000017", "calls too frequent, please retry in 1 minute"),
            Map.entry("000020", "timeout"),
            Map.entry("DS000006", "too many operations on this order"),
            Map.entry("DS000031", "product cannot be intercepted"),
            Map.entry("DS000032", "cannot intercept when not in forecast status"),
            Map.entry("DS000036", "order already intercepted"));

    private static final Set<String> UNSIGNED = Set.of("sign", "access_token", "language");
    private static final Set<String> HOLDABLE = Set.of("P", "H");
    // 4PX writes event times as "yyyy-MM-dd HH:mm:ss" without a zone; China time is a guess
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ForwarderSimulator forwarders;
    private final FourPxSimulatorProperties properties;
    private final Clock clock;
    private final ObjectProvider<SeventeenTrackSimulator> tracking;
    private final Map<String, Hold> holds = new LinkedHashMap<>();
    private final Map<String, Rma> rmas = new LinkedHashMap<>();
    // never reset: RMA numbers stay unique across resets, as a gateway may still hold an old one
    private int rmaSequence;
    private String nextError;
    private String nextErrorFor;
    private long window = -1;
    private int callsInWindow;

    public FourPxSimulator(ForwarderSimulator forwarders, FourPxSimulatorProperties properties,
                           ObjectProvider<Clock> clock, ObjectProvider<SeventeenTrackSimulator> tracking) {
        this.forwarders = forwarders;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.tracking = tracking;
    }

    @Override
    public List<Simulated> simulated(String sandboxBaseUrl) {
        return List.of(new Simulated(CODE, "4px", sandboxBaseUrl + "/sandbox/4px"));
    }

    /** A router call: its query parameters and the body bytes as received; the envelope to answer. */
    public synchronized ObjectNode serve(Map<String, String> parameters, byte[] body) {
        try {
            return success(route(parameters, body == null ? new byte[0] : body));
        } catch (Refusal refusal) {
            return error(refusal.code, refusal.getMessage());
        }
    }

    private JsonNode route(Map<String, String> parameters, byte[] body) {
        if (nextError != null && (nextErrorFor == null || nextErrorFor.equals(numberIn(body)))) {
            String code = nextError;
            nextError = null;
            nextErrorFor = null;
            throw new Refusal(code);
        }
        if (!properties.appKey().equals(parameters.get("app_key"))) {
            throw new Refusal("000013");
        }
        long second = clock.millis() / 1000;
        if (second != window) {
            window = second;
            callsInWindow = 0;
        }
        if (++callsInWindow > properties.callsPerSecond()) {
            throw new Refusal("000017");
        }
        String method = parameters.get("method");
        if (method == null || !VERSIONS.containsKey(method) || !VERSIONS.get(method).equals(parameters.get("v"))) {
            throw new Refusal("000011", "API does not exist: " + method + " version " + parameters.get("v"));
        }
        String timestamp = parameters.get("timestamp");
        if (timestamp == null || !timestamp.matches("\\d{1,15}") || !"json".equals(parameters.get("format"))
                || parameters.get("sign") == null) {
            throw new Refusal("000014", "invalid authentication parameters: timestamp (epoch ms), format=json and "
                    + "sign are required");
        }
        if (!sign(parameters, body, properties.appSecret()).equals(parameters.get("sign"))) {
            throw new Refusal("000012");
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Refusal("000004");
        }
        if (request == null || !request.isObject()) {
            throw new Refusal("000004");
        }
        return switch (method) {
            case "ds.xms.order.get" -> order(required(request, "request_no"));
            case "ds.xms.order.hold" -> hold(required(request, "request_no"), text(request, "is_hold"),
                    text(request, "hold_reason"));
            case "re.grs.rma.create" -> createRma(request);
            case "re.grs.rmainfo.get" -> rmaInfo(required(request, "rma_no"));
            default -> tracking(required(request, "deliveryOrderNo"));
        };
    }

    /** The sign over the body bytes exactly as received. */
    static String sign(Map<String, String> parameters, byte[] body, String secret) {
        StringBuilder signed = new StringBuilder();
        new TreeMap<>(parameters).forEach((key, value) -> {
            if (!UNSIGNED.contains(key)) {
                signed.append(key).append(value);
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(signed.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(body);
        bytes.writeBytes(secret.getBytes(StandardCharsets.UTF_8));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode order(String number) {
        ArrayNode data = NODES.arrayNode();
        Optional<Parcel> found = forwarders.parcel(CODE, number);
        if (found.isEmpty()) {
            return data;
        }
        Parcel parcel = found.get();
        Hold hold = holds.get(number);
        ObjectNode info = data.addObject().putObject("consignment_info");
        info.put("4px_tracking_no", parcel.waybill());
        info.put("ref_no", "REF-" + parcel.waybill());
        info.put("ds_consignment_no", parcel.waybill());
        info.put("consignment_status", consignmentStatus(parcel.status()));
        info.put("is_hold_sign", hold != null && hold.sign != null ? hold.sign : parcel.held() ? "S" : "");
        info.put("logistics_product_code", "F3");
        info.put("consignment_create_date", parcel.updatedAt().toEpochMilli());
        if (hold != null && "Y".equals(hold.sign) && --hold.pollsLeft <= 0) {
            hold.sign = "S";
            forwarders.put(CODE, number, parcel.status(), parcel.interceptable(), true);
        }
        return data;
    }

    private JsonNode hold(String number, String isHold, String reason) {
        if (!"Y".equals(isHold) && !"N".equals(isHold)) {
            throw new Refusal("SBX_BAD_PARAMETER", "is_hold must be Y or N");
        }
        Parcel parcel = forwarders.parcel(CODE, number)
                .orElseThrow(() -> new Refusal("SBX_NOT_FOUND", "order " + number + " does not exist"));
        Hold hold = holds.get(number);
        if ("N".equals(isHold)) {
            if (hold != null && hold.sign != null) {
                hold.sign = "N";
            }
            return NODES.nullNode();
        }
        if (hold == null) {
            hold = new Hold(number, reason, clock.instant());
            holds.put(number, hold);
        } else {
            hold.replays++;
        }
        String status = consignmentStatus(parcel.status());
        if ("Y".equals(hold.sign) || "S".equals(hold.sign) || parcel.held()) {
            throw new Refusal("DS000036");
        }
        if (!HOLDABLE.contains(status)) {
            throw hold.refused(new Refusal("DS000032", ERRORS.get("DS000032") + " (status " + status + ")"));
        }
        if (!parcel.interceptable()) {
            throw hold.refused(new Refusal("DS000031"));
        }
        hold.sign = "Y";
        hold.code = null;
        hold.message = null;
        hold.pollsLeft = Math.max(1, properties.holdPollsBeforeDone());
        return NODES.nullNode();
    }

    /**
     * A return forecast into a return warehouse: its RMA number. The same ref_no again answers the RMA it made the first
     * time (what 4PX does then is not known; the sandbox is forgiving so a gateway's retry finds its RMA).
     */
    private JsonNode createRma(JsonNode request) {
        String refNo = required(request, "ref_no");
        String warehouse = required(request, "warehouse_code");
        String shippingNo = required(request, "received_shipping_no");
        JsonNode skus = request.get("lstsku");
        if (skus == null || !skus.isArray() || skus.isEmpty()) {
            throw new Refusal("SBX_BAD_PARAMETER", "lstsku must list at least one {sku_code, plan_qty}");
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (JsonNode sku : skus) {
            String code = required(sku, "sku_code");
            JsonNode qty = sku.get("plan_qty");
            if (qty == null || !qty.canConvertToInt() || qty.asInt() < 1) {
                throw new Refusal("SBX_BAD_PARAMETER", "plan_qty of " + code + " must be a whole number above 0");
            }
            lines.merge(code, qty.asInt(), Integer::sum);
        }
        Rma rma = rmas.values().stream().filter(r -> r.refNo.equals(refNo)).findFirst().orElse(null);
        if (rma == null) {
            rma = new Rma(String.format("RMA4PX%08d", ++rmaSequence), refNo, warehouse,
                    text(request, "services_product_code"), shippingNo, lines, clock.instant());
            rmas.put(rma.rmaNo, rma);
        } else {
            rma.replays++;
        }
        ObjectNode data = NODES.objectNode();
        data.put("rma_no", rma.rmaNo);
        return data;
    }

    /** An RMA's status; a WAIT_RECEIVER RMA whose parcel 17TRACK has as delivered is received first. */
    private JsonNode rmaInfo(String rmaNo) {
        Rma rma = rmas.get(rmaNo);
        if (rma == null) {
            throw new Refusal("SBX_NOT_FOUND", "rma " + rmaNo + " does not exist");
        }
        if ("WAIT_RECEIVER".equals(rma.status) && deliveredPerTracking(rma.shippingNo)) {
            rma.receive("RECEIVER_COMPLETE", clock.instant());
        }
        ObjectNode data = NODES.objectNode();
        data.put("rma_no", rma.rmaNo);
        data.put("ref_no", rma.refNo);
        data.put("status", rma.status);
        if (rma.receivedAt == null) {
            data.putNull("received_time");
        } else {
            data.put("received_time", EVENT_TIME.format(rma.receivedAt));
        }
        ArrayNode counted = data.putArray("countSkuList");
        rma.lines.forEach((sku, qty) -> {
            ObjectNode line = counted.addObject();
            line.put("skuCode", sku);
            line.put("actualQty", rma.receivedAt == null ? 0 : qty);
        });
        return data;
    }

    private boolean deliveredPerTracking(String number) {
        SeventeenTrackSimulator seventeenTrack = tracking.getIfAvailable();
        return seventeenTrack != null && seventeenTrack.number(number)
                .map(t -> t.status() != null && t.status().startsWith("Delivered")).orElse(false);
    }

    /** Control: sets an RMA's status (one of GRS's); a status past receipt dates the receipt now, once. */
    public synchronized ObjectNode setRmaStatus(String rmaNo, String status) {
        Rma rma = rmas.get(rmaNo);
        if (rma == null) {
            throw SandboxException.notFound("no RMA " + rmaNo + " at the 4PX simulator");
        }
        if (status == null || !RMA_STATUSES.contains(status)) {
            throw SandboxException.badRequest("status must be one of " + new TreeSet<>(RMA_STATUSES) + ", was "
                    + status);
        }
        rma.receive(status, clock.instant());
        return rma.json();
    }

    /** Inspection: every RMA forecast, oldest first. */
    public synchronized ArrayNode rmas() {
        ArrayNode list = NODES.arrayNode();
        rmas.values().forEach(rma -> list.add(rma.json()));
        return list;
    }

    private JsonNode tracking(String number) {
        Optional<Parcel> found = forwarders.parcel(CODE, number);
        if (found.isEmpty()) {
            return null;
        }
        Parcel parcel = found.get();
        ObjectNode data = NODES.objectNode();
        data.put("deliveryOrderNo", number);
        data.put("destinationCountry", "US");
        ArrayNode list = data.putArray("trackingList");
        List<String[]> events = new ArrayList<>();
        String status = consignmentStatus(parcel.status());
        if (Set.of("V", "C", "F", "R").contains(status)) {
            events.add(new String[] {"FPX_L_RPIF", "Shenzhen", "Parcel information received"});
        }
        if (Set.of("C", "F", "R").contains(status)) {
            events.add(new String[] {"FPX_C_AAF", "Shenzhen", "Arrived at facility"});
        }
        if (parcel.status().startsWith("FPX_")) {
            events.add(new String[] {parcel.status(), "Los Angeles", content(parcel.status())});
        } else if ("F".equals(status)) {
            events.add(new String[] {"FPX_S_OK", "Los Angeles", content("FPX_S_OK")});
        }
        Instant last = parcel.updatedAt();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = list.addObject();
            event.put("businessLinkCode", events.get(i)[0]);
            event.put("occurDatetime", EVENT_TIME.format(last.minusSeconds(3600L * (events.size() - 1 - i))));
            event.put("occurLocation", events.get(i)[1]);
            event.put("trackingContent", events.get(i)[2]);
        }
        return data;
    }

    private static String content(String code) {
        if (code.startsWith("FPX_S_OK")) {
            return "Delivered";
        }
        if (code.startsWith("FPX_D_FD")) {
            return "Delivery attempt failed";
        }
        if (code.startsWith("FPX_D_SD")) {
            return "Out for delivery";
        }
        return "Tracking event " + code;
    }

    /** The consignment status behind a parcel's sandbox status. */
    static String consignmentStatus(String status) {
        if (status.startsWith("FPX_")) {
            return status.startsWith("FPX_S_OK") ? "F" : "C";
        }
        return status;
    }

    /** Control: the next router call (about {@code waybill}, when given) answers this error, once. */
    public synchronized void failNextCall(String code, String waybill) {
        if (!ERRORS.containsKey(code)) {
            throw SandboxException.badRequest("unknown 4PX error code " + code + "; known: " + new TreeMap<>(ERRORS)
                    .keySet());
        }
        nextError = code;
        nextErrorFor = waybill == null || waybill.isBlank() ? null : waybill;
    }

    /** The order or tracking number a call's body names, or null. */
    private static String numberIn(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            if (request != null && request.isObject()) {
                for (String field : List.of("request_no", "deliveryOrderNo", "rma_no", "received_shipping_no")) {
                    if (text(request, field) != null) {
                        return text(request, field);
                    }
                }
            }
        } catch (JacksonException notJson) {
            // no number: only an error meant for any call applies
        }
        return null;
    }

    /** Inspection: every waybill a hold was asked for, with the first answer and how often it was asked again. */
    public synchronized ArrayNode holds() {
        ArrayNode list = NODES.arrayNode();
        holds.values().forEach(hold -> {
            ObjectNode node = list.addObject();
            node.put("waybill", hold.waybill);
            node.put("holdReason", hold.reason);
            node.put("outcome", hold.code == null ? "ACCEPTED" : "REJECTED");
            node.put("code", hold.code);
            node.put("message", hold.message);
            node.put("isHoldSign", hold.sign);
            node.put("receivedAt", hold.receivedAt.toString());
            node.put("replays", hold.replays);
        });
        return list;
    }

    /** Control: forget holds, RMAs, the injected error and the rate window (parcels stay in ForwarderSimulator). */
    public synchronized void reset() {
        holds.clear();
        rmas.clear();
        nextError = null;
        nextErrorFor = null;
        window = -1;
        callsInWindow = 0;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("result", "0");
        envelope.put("msg", message);
        ObjectNode error = envelope.putArray("errors").addObject();
        error.put("error_code", code);
        error.put("error_msg", message);
        error.putNull("error_data");
        error.putNull("referenceCode");
        envelope.putNull("data");
        return envelope;
    }

    private static ObjectNode success(JsonNode data) {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("result", "1");
        envelope.put("msg", "success");
        envelope.putArray("errors");
        envelope.set("data", data == null ? NODES.nullNode() : data);
        return envelope;
    }

    private static String required(JsonNode request, String field) {
        String value = text(request, field);
        if (value == null || value.isBlank()) {
            throw new Refusal("SBX_BAD_PARAMETER", field + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static final class Hold {
        final String waybill;
        final String reason;
        final Instant receivedAt;
        String sign;
        String code;
        String message;
        int pollsLeft;
        int replays;

        Hold(String waybill, String reason, Instant receivedAt) {
            this.waybill = waybill;
            this.reason = reason;
            this.receivedAt = receivedAt;
        }

        Refusal refused(Refusal refusal) {
            code = refusal.code;
            message = refusal.getMessage();
            return refusal;
        }
    }

    private static final class Rma {
        final String rmaNo;
        final String refNo;
        final String warehouse;
        final String product;
        final String shippingNo;
        final Map<String, Integer> lines;
        final Instant createdAt;
        String status = "WAIT_RECEIVER";
        Instant receivedAt;
        int replays;

        Rma(String rmaNo, String refNo, String warehouse, String product, String shippingNo,
            Map<String, Integer> lines, Instant createdAt) {
            this.rmaNo = rmaNo;
            this.refNo = refNo;
            this.warehouse = warehouse;
            this.product = product;
            this.shippingNo = shippingNo;
            this.lines = lines;
            this.createdAt = createdAt;
        }

        void receive(String newStatus, Instant now) {
            status = newStatus;
            boolean atWarehouse = Set.of("RECEIVER_COMPLETE", "WAIT_CHECK", "WAIT_PUT_AWAY", "PUT_AWAY_SUCCESS",
                    "DESTROY_SUCCESS").contains(newStatus);
            if (atWarehouse && receivedAt == null) {
                receivedAt = now;
            }
        }

        ObjectNode json() {
            ObjectNode node = NODES.objectNode();
            node.put("rmaNo", rmaNo);
            node.put("refNo", refNo);
            node.put("warehouseCode", warehouse);
            node.put("servicesProductCode", product);
            node.put("receivedShippingNo", shippingNo);
            ObjectNode skus = node.putObject("skus");
            lines.forEach(skus::put);
            node.put("status", status);
            node.put("createdAt", createdAt.toString());
            node.put("receivedAt", receivedAt == null ? null : receivedAt.toString());
            node.put("replays", replays);
            return node;
        }
    }

    /** A call refused with one of 4PX's error codes (or the sandbox's own, SBX_...). */
    static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String code) {
            this(code, ERRORS.getOrDefault(code, code));
        }

        Refusal(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}

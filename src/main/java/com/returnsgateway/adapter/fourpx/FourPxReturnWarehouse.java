package com.returnsgateway.adapter.fourpx;

import static com.returnsgateway.adapter.fourpx.FourPxAnswer.text;

import com.returnsgateway.core.port.ReturnWarehousePort;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.remote.RemoteCalls;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 4PX's returns service (GRS) as a forwarder's return warehouse: a return is forecast with {@code re.grs.rma.create}
 * once its tracking number is known, and its RMA asked after with {@code re.grs.rmainfo.get}. A forwarder takes
 * returns when it names a warehouse ({@code gateway.forwarders.<code>.4px.returns-warehouse}).
 */
@Component
public class FourPxReturnWarehouse implements ReturnWarehousePort {

    private static final Logger log = LoggerFactory.getLogger(FourPxReturnWarehouse.class);

    /**
     * RMA statuses that mean the parcel is physically at the warehouse: received (RECEIVER_COMPLETE) or past it,
     * being checked or put away. Cancelled, expired and destroyed RMAs are not: their status is only recorded.
     */
    static final Set<String> RECEIVED = Set.of("RECEIVER_COMPLETE", "WAIT_CHECK", "WAIT_PUT_AWAY",
            "PUT_AWAY_SUCCESS");
    /** The status of a forecast 4PX answers with an RMA number only: waiting for the parcel. */
    static final String FORECAST = "WAIT_RECEIVER";
    // 4PX writes times without a zone; China time is a guess (unconfirmed), as for its tracking events
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneOffset FOURPX_ZONE = ZoneOffset.ofHours(8);

    private final FourPxForwarders accounts;
    private final FourPxRouter router;

    public FourPxReturnWarehouse(FourPxForwarders accounts, FourPxSigner signer, RemoteCalls calls) {
        this.accounts = accounts;
        this.router = new FourPxRouter(accounts, signer, calls);
    }

    @Override
    public boolean receivesReturns(String forwarder) {
        FourPxForwarders.Account account = accounts.all().get(forwarder);
        return account != null && !account.settings().returnsWarehouse().isBlank();
    }

    @Override
    public Forecast forecast(String forwarder, ReturnForecast request) {
        FourPxSettings settings = accounts.of(forwarder).settings();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref_no", request.reference());
        body.put("warehouse_code", settings.returnsWarehouse());
        body.put("services_product_code", settings.returnsProduct());
        body.put("received_shipping_no", request.trackingNumber());
        body.put("lstsku", request.lines().stream().map(line -> {
            Map<String, Object> sku = new LinkedHashMap<>();
            sku.put("sku_code", line.sku());
            sku.put("plan_qty", line.quantity());
            return sku;
        }).toList());
        String what = "forwarder " + forwarder + " (return forecast of " + request.trackingNumber() + ")";
        FourPxAnswer answer = router.call(forwarder, FourPxSigner.CREATE_RMA, body, what);
        if (!answer.success()) {
            throw answer.failure(accounts.of(forwarder), FourPxSigner.CREATE_RMA, what);
        }
        String rmaNo = rmaNo(answer.data());
        if (rmaNo.isBlank()) {
            throw RemoteCallException.permanent(what + " answered no RMA number: "
                    + HttpResponses.oneLine(answer.body()));
        }
        return new Forecast(rmaNo, FORECAST);
    }

    @Override
    public RmaStatus status(String forwarder, String rmaNo) {
        String what = "forwarder " + forwarder + " (return warehouse RMA " + rmaNo + ")";
        FourPxAnswer answer = router.call(forwarder, FourPxSigner.GET_RMA, Map.of("rma_no", rmaNo), what);
        if (!answer.success()) {
            throw answer.failure(accounts.of(forwarder), FourPxSigner.GET_RMA, what);
        }
        JsonNode data = answer.data();
        JsonNode rma = data != null && data.isArray() ? data.get(0) : data;
        String status = rma == null ? "" : text(rma, "status").trim();
        if (status.isEmpty()) {
            throw RemoteCallException.permanent(what + " answered an RMA without status: "
                    + HttpResponses.oneLine(answer.body()));
        }
        boolean received = RECEIVED.contains(status);
        return new RmaStatus(status, received, received ? receivedTime(rma.get("received_time"), what) : null);
    }

    /**
     * The RMA number in {@code re.grs.rma.create}'s {@code data}. Its shape is not documented where we looked
     * (unconfirmed): the number itself, or an object with {@code rma_no} (or {@code rmaNo}).
     */
    private static String rmaNo(JsonNode data) {
        if (data == null || data.isNull()) {
            return "";
        }
        if (data.isValueNode()) {
            return data.asString().trim();
        }
        JsonNode rma = data.isArray() ? data.path(0) : data;
        String number = text(rma, "rma_no");
        return (number.isBlank() ? text(rma, "rmaNo") : number).trim();
    }

    /**
     * {@code received_time} as epoch milliseconds or as {@code yyyy-MM-dd HH:mm:ss} China time; both forms are guesses
     * (unconfirmed). Missing or unreadable: null, and the sweep takes the time it learnt of the receipt.
     */
    static Instant receivedTime(JsonNode value, String what) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("\\d{1,15}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return LocalDateTime.parse(text, LOCAL_TIME).toInstant(FOURPX_ZONE);
        } catch (DateTimeParseException e) {
            log.warn("{}: received_time '{}' is neither epoch ms nor yyyy-MM-dd HH:mm:ss; the receipt is dated now",
                    what, HttpResponses.oneLine(text));
            return null;
        }
    }
}

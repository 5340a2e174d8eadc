package com.returnsgateway.core.returns;

import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.logging.CaseLogContext;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ShipmentRef;
import com.returnsgateway.core.port.ReturnWarehousePort;
import com.returnsgateway.core.shipment.ShipmentLookup;
import com.returnsgateway.core.port.ReturnWarehousePort.RmaStatus;
import com.returnsgateway.core.port.Tracking;
import com.returnsgateway.core.port.TrackingPort.TrackingStatus;
import com.returnsgateway.core.refund.RefundPlanner;
import com.returnsgateway.core.returns.ReturnParcels.ReturnParcel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Follows the return parcels of waiting cases (route returns-sweep): reads the tracking service's latest status of
 * each number and records its moments (first carrier scan, delivered to the return address), forecasts the return to
 * its forwarder's return warehouse and asks after it (received), and refunds once the parcel reached its
 * marketplace's refund moment. The refund goes through {@link RefundPlanner#returnReceived}, whose idempotency key and
 * refund ledger make it happen once whoever gets there first (an operator's {@code /received}, another instance).
 */
@Component
public class ReturnSweep {

    private static final Logger log = LoggerFactory.getLogger(ReturnSweep.class);
    private static final int BATCH = 200;

    private final ReturnParcels parcels;
    private final RefundMoments moments;
    private final Tracking tracking;
    private final List<ReturnWarehousePort> warehouses;
    private final Cases cases;
    private final RefundPlanner planner;
    private final ShipmentLookup lookup;
    private final Clock clock;
    private final Duration interval;

    public ReturnSweep(ReturnParcels parcels, RefundMoments moments, Tracking tracking,
                       List<ReturnWarehousePort> warehouses, Cases cases, RefundPlanner planner, ShipmentLookup lookup,
                       Clock clock, @Value("${gateway.returns.sweep-interval:1m}") Duration interval) {
        this.parcels = parcels;
        this.moments = moments;
        this.tracking = tracking;
        this.warehouses = warehouses;
        this.cases = cases;
        this.planner = planner;
        this.lookup = lookup;
        this.clock = clock;
        this.interval = interval;
    }

    /** The route's timer, for {@code {{bean:returnSweep.intervalMillis}}}. */
    public long intervalMillis() {
        return interval.toMillis();
    }

    /** One pass over every awaited return parcel; one parcel's failure does not stop the others. */
    public int sweep() {
        int refunded = 0;
        for (ReturnParcel parcel : parcels.awaited(BATCH)) {
            try (CaseLogContext.Scope inCase = CaseLogContext.open(parcel.caseId())) {
                if (follow(parcel)) {
                    refunded++;
                }
            } catch (RuntimeException e) {
                log.warn("Return parcel {} of case {} could not be followed: {}", parcel.number(), parcel.caseId(),
                        e.getMessage());
            }
        }
        return refunded;
    }

    /** Reads what is new of one parcel and refunds when its moment is reached; returns whether it refunded. */
    boolean follow(ReturnParcel parcel) {
        String caseId = parcel.caseId();
        tracking.service().flatMap(service -> service.latest(parcel.number())).ifPresent(status -> track(parcel,
                status));
        ReturnCase returnCase = cases.get(caseId);
        warehouseOf(returnCase).ifPresent(warehouse -> warehouse(parcel, returnCase, warehouse));
        return refundIfDue(caseId);
    }

    private void track(ReturnParcel parcel, TrackingStatus status) {
        String code = status.code();
        String source = "return tracking " + parcel.number();
        if (isDelivered(code)) {
            parcels.reached(parcel.caseId(), RefundMoment.FIRST_SCAN, status.at(), code, status.detail(), source);
            parcels.reached(parcel.caseId(), RefundMoment.DELIVERED, status.at(), code, status.detail(), source);
        } else if (isScanned(code)) {
            parcels.reached(parcel.caseId(), RefundMoment.FIRST_SCAN, status.at(), code, status.detail(), source);
        }
        if (!code.equals(parcel.lastCode())) {
            parcels.seen(parcel.caseId(), code, status.detail());
        }
    }

    /** 17TRACK's Delivered and its sub-statuses (Delivered_Other, ...). */
    static boolean isDelivered(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("delivered");
    }

    /** Any status past NotFound / InfoReceived (and their sub-statuses) means a carrier has the parcel. */
    static boolean isScanned(String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        return !lower.startsWith("notfound") && !lower.startsWith("inforeceived");
    }

    private Optional<ReturnWarehousePort> warehouseOf(ReturnCase returnCase) {
        String forwarder = forwarderOf(returnCase);
        if (forwarder == null || forwarder.isBlank()) {
            return Optional.empty();
        }
        return warehouses.stream().filter(w -> w.receivesReturns(forwarder)).findFirst();
    }

    /** The forwarder that carried the parcel out (whose warehouse takes it back), not its status code. */
    private String forwarderOf(ReturnCase returnCase) {
        return lookup.find(returnCase.request()).map(ShipmentRef::forwarder).orElse(null);
    }

    private void warehouse(ReturnParcel parcel, ReturnCase returnCase, ReturnWarehousePort warehouse) {
        String forwarder = forwarderOf(returnCase);
        if (parcel.rmaNo() == null) {
            ReturnWarehousePort.Forecast forecast = warehouse.forecast(forwarder, new ReturnWarehousePort.ReturnForecast(
                    returnCase.request().returnId(), parcel.number(), returnCase.request().items().stream()
                    .map(item -> new ReturnWarehousePort.Line(item.sku(), item.quantity())).toList()));
            parcels.forecast(parcel.caseId(), forwarder, forecast.rmaNo(), forecast.status());
            return;
        }
        RmaStatus status = warehouse.status(forwarder, parcel.rmaNo());
        if (!status.status().equals(parcel.rmaStatus())) {
            parcels.rmaStatus(parcel.caseId(), forwarder, parcel.rmaNo(), status.status());
        }
        if (status.received()) {
            parcels.reached(parcel.caseId(), RefundMoment.RECEIVED,
                    status.receivedAt() == null ? clock.instant() : status.receivedAt(), status.status(),
                    "RMA " + parcel.rmaNo(), "forwarder " + forwarder + " return warehouse");
        }
    }

    /**
     * Refunds a waiting case whose return parcel reached its marketplace's refund moment. Also called when a moment is
     * recorded outside the sweep (an Amazon report's delivery date).
     */
    public boolean refundIfDue(String caseId) {
        Optional<ReturnParcel> parcel = parcels.find(caseId);
        if (parcel.isEmpty() || parcel.get().refundMoment() != null || parcel.get().reached() == null) {
            return false;
        }
        ReturnCase returnCase = cases.get(caseId);
        if (returnCase.status() != CaseStatus.AWAITING_RETURN && returnCase.status() != CaseStatus.AWAITING_BUYER) {
            return false;
        }
        RefundMoment policy = moments.of(returnCase.marketplace());
        RefundMoment reached = parcel.get().reached();
        if (reached.compareTo(policy) < 0) {
            return false;
        }
        cases.record(caseId, "return parcel " + parcel.get().number(), "REFUND_MOMENT", "The return reached "
                + reached.setting() + "; " + returnCase.marketplace() + " refunds at " + policy.setting(),
                policy.name());
        parcels.refunded(caseId, reached);
        planner.returnReceived(caseId, "return parcel (refund at " + policy.setting() + ")");
        return true;
    }
}

package com.returnsgateway.core.shipment;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import static com.returnsgateway.core.RouteVariables.CASE_ID;
import static com.returnsgateway.core.RouteVariables.FORWARDER;
import static com.returnsgateway.core.RouteVariables.REVIEW_REASON;
import static com.returnsgateway.core.RouteVariables.SHIPMENT_FOUND;
import static com.returnsgateway.core.RouteVariables.SHIPMENT_STATE;
import static com.returnsgateway.core.RouteVariables.WAYBILL;

import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ShipmentRef;
import com.returnsgateway.core.model.ShipmentState;
import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.port.Forwarders;
import com.returnsgateway.core.port.Tracking;
import com.returnsgateway.core.port.TrackingPort;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/**
 * The shipment-status step: which parcel, ask its forwarder (through its adapter) and, once handed over, the last-mile
 * tracking service; record the canonical state.
 */
@Component
public class ShipmentSteps {

    private final Cases cases;
    private final CaseRepository repository;
    private final ShipmentLookup lookup;
    private final ShipmentStateMapper mapper;
    private final Forwarders forwarders;
    private final Tracking tracking;
    private final Clock clock;

    public ShipmentSteps(Cases cases, CaseRepository repository, ShipmentLookup lookup, ShipmentStateMapper mapper,
                         Forwarders forwarders, Tracking tracking, Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.lookup = lookup;
        this.mapper = mapper;
        this.forwarders = forwarders;
        this.tracking = tracking;
        this.clock = clock;
    }

    /** Sets {@code shipmentFound}, and {@code forwarder} and {@code waybill}, or {@code reviewReason}. */
    public void resolveShipment(@Variable(CASE_ID) String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        Optional<ShipmentRef> shipment = lookup.find(returnCase.request());
        if (shipment.isEmpty()) {
            notFound(exchange, "Shipment not found: the request names no waybill and order "
                    + returnCase.request().orderId() + " is not in the order-to-waybill lookup");
            return;
        }
        ShipmentRef ref = shipment.get();
        if (!forwarders.isConfigured(ref.forwarder())) {
            notFound(exchange, "Forwarder '" + ref.forwarder() + "' of waybill " + ref.waybill() + " is not configured");
            return;
        }
        exchange.setVariable(SHIPMENT_FOUND, true);
        exchange.setVariable(FORWARDER, ref.forwarder());
        exchange.setVariable(WAYBILL, ref.waybill());
    }

    /** Asks the forwarder; the case moves to SHIPMENT_CHECKED, or {@code reviewReason} says why not. */
    public void askForwarder(@Variable(CASE_ID) String caseId, @Variable(FORWARDER) String forwarder,
                             @Variable(WAYBILL) String waybill, Exchange exchange) {
        Optional<ParcelState> parcel = ask(caseId, forwarder, waybill);
        if (parcel.isEmpty()) {
            notFound(exchange, "Forwarder " + forwarder + " does not know waybill " + waybill);
            return;
        }
        repository.recordShipmentState(caseId, parcel.get().state(), parcel.get().code(), clock.instant());
        ReturnCase moved = cases.moveTo(caseId, CaseStatus.SHIPMENT_CHECKED, "Parcel is " + parcel.get().state());
        exchange.setVariable(SHIPMENT_STATE, moved.shipmentState().name());
    }

    /** Where a parcel is: the canonical state and the code it was mapped from (the forwarder's or the last mile's). */
    public record ParcelState(ShipmentState state, String code) {
    }

    /**
     * Where the parcel is now: asked of its forwarder and, once handed over, of the last-mile tracking service; both
     * answers go on the case's timeline. Empty when the forwarder does not know the waybill. The case does not move:
     * the shipment-status step and the waits sweep (a parcel in transit asked about again) each decide what follows.
     */
    public Optional<ParcelState> ask(String caseId, String forwarder, String waybill) {
        ForwarderPort.ParcelStatus status = forwarders.of(forwarder).status(forwarder, waybill);
        if (!status.known()) {
            return Optional.empty();
        }
        ShipmentState state = mapper.map(forwarder, status.code());
        String code = status.code();
        cases.record(caseId, "forwarder " + forwarder, "SHIPMENT_STATUS",
                "Waybill " + waybill + " is at status '" + status.code() + "' (" + state + ")" + status.detail(),
                state.name());
        if (state == ShipmentState.IN_TRANSIT || state == ShipmentState.OUT_FOR_DELIVERY) {
            Optional<LastMile> lastMile = lastMile(caseId);
            if (lastMile.isPresent()) {
                state = lastMile.get().state();
                code = lastMile.get().code();
            }
        }
        return Optional.of(new ParcelState(state, code));
    }

    private record LastMile(ShipmentState state, String code) {
    }

    /**
     * After the hand-over, the last-mile carrier knows more than the forwarder: the tracking service's latest status of
     * the shipment's last-mile number, when it has one that says where the parcel is. The number is followed from
     * now on either way (registered with the service in the background).
     */
    private Optional<LastMile> lastMile(String caseId) {
        Optional<TrackingPort> service = tracking.service();
        Optional<ShipmentRef> shipment = lookup.find(cases.get(caseId).request());
        if (service.isEmpty() || shipment.isEmpty() || !shipment.get().hasLastMile()) {
            return Optional.empty();
        }
        String number = shipment.get().lastMileNumber();
        service.get().follow(number, shipment.get().lastMileCarrier());
        Optional<TrackingPort.TrackingStatus> latest = service.get().latest(number);
        if (latest.isEmpty()) {
            cases.record(caseId, "tracking " + service.get().type(), "LAST_MILE",
                    "Last-mile number " + number + " is followed; " + service.get().type()
                            + " has no status for it yet, so the forwarder's status stands", "NO_STATUS_YET");
            return Optional.empty();
        }
        TrackingPort.TrackingStatus last = latest.get();
        ShipmentState state = mapper.mapWithProfile(tracking.statusProfile(), last.code());
        boolean usable = state != ShipmentState.UNKNOWN && state != ShipmentState.AWAITING_DISPATCH;
        cases.record(caseId, "tracking " + service.get().type(), "LAST_MILE",
                "Last-mile number " + number + " is at '" + last.code() + "' (" + state + ") since " + last.at()
                        + (last.detail() == null || last.detail().isBlank() ? "" : ": " + last.detail())
                        + (usable ? "" : "; the forwarder's status stands"), state.name());
        return usable ? Optional.of(new LastMile(state, last.code())) : Optional.empty();
    }

    private static void notFound(Exchange exchange, String reason) {
        exchange.setVariable(SHIPMENT_FOUND, false);
        exchange.setVariable(REVIEW_REASON, reason);
    }
}

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
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

/** The shipment-status step: which parcel, ask its forwarder (through its adapter), record the canonical state. */
@Component
public class ShipmentSteps {

    private final Cases cases;
    private final CaseRepository repository;
    private final ShipmentLookup lookup;
    private final ShipmentStateMapper mapper;
    private final Forwarders forwarders;
    private final Clock clock;

    public ShipmentSteps(Cases cases, CaseRepository repository, ShipmentLookup lookup, ShipmentStateMapper mapper,
                         Forwarders forwarders, Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.lookup = lookup;
        this.mapper = mapper;
        this.forwarders = forwarders;
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
        ForwarderPort.ParcelStatus status = forwarders.of(forwarder).status(forwarder, waybill);
        if (!status.known()) {
            notFound(exchange, "Forwarder " + forwarder + " does not know waybill " + waybill);
            return;
        }
        ShipmentState state = mapper.map(forwarder, status.code());
        repository.recordShipmentState(caseId, state, status.code(), clock.instant());
        cases.record(caseId, "forwarder " + forwarder, "SHIPMENT_STATUS",
                "Waybill " + waybill + " is at status '" + status.code() + "' (" + state + ")" + status.detail(),
                state.name());
        ReturnCase moved = cases.moveTo(caseId, CaseStatus.SHIPMENT_CHECKED, "Parcel is " + state);
        exchange.setVariable(SHIPMENT_STATE, moved.shipmentState().name());
    }

    private static void notFound(Exchange exchange, String reason) {
        exchange.setVariable(SHIPMENT_FOUND, false);
        exchange.setVariable(REVIEW_REASON, reason);
    }
}

package com.returnsgateway.core.shipment;

import com.returnsgateway.core.cases.CaseRepository;
import com.returnsgateway.core.cases.Cases;
import com.returnsgateway.core.config.GatewayProperties;
import com.returnsgateway.adapter.sftp.LatestShipmentStatuses;
import com.returnsgateway.core.remote.HttpResponses;
import com.returnsgateway.core.remote.RemoteCallException;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ShipmentRef;
import com.returnsgateway.core.model.ShipmentState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipment-status step: which parcel, ask its forwarder, record the canonical state. */
@Component
public class ShipmentSteps {

    private final Cases cases;
    private final CaseRepository repository;
    private final ShipmentLookup lookup;
    private final ShipmentStateMapper mapper;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final LatestShipmentStatuses fileStatuses;
    private final Clock clock;

    public ShipmentSteps(Cases cases, CaseRepository repository, ShipmentLookup lookup, ShipmentStateMapper mapper,
                         GatewayProperties properties, JsonMapper json, LatestShipmentStatuses fileStatuses,
                         Clock clock) {
        this.fileStatuses = fileStatuses;
        this.cases = cases;
        this.repository = repository;
        this.lookup = lookup;
        this.mapper = mapper;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Sets {@code shipmentFound}, and {@code forwarder}, {@code waybill}, {@code statusUrl} or {@code reviewReason}. */
    public void resolveShipment(@Variable("caseId") String caseId, Exchange exchange) {
        ReturnCase returnCase = cases.get(caseId);
        Optional<ShipmentRef> shipment = lookup.find(returnCase.request());
        if (shipment.isEmpty()) {
            exchange.setVariable("shipmentFound", false);
            exchange.setVariable("reviewReason", "Shipment not found: the request names no waybill and order "
                    + returnCase.request().orderId() + " is not in the order-to-waybill lookup");
            return;
        }
        ShipmentRef ref = shipment.get();
        GatewayProperties.Forwarder forwarder = properties.forwarders().get(ref.forwarder());
        if (forwarder == null) {
            exchange.setVariable("shipmentFound", false);
            exchange.setVariable("reviewReason", "Forwarder '" + ref.forwarder() + "' of waybill " + ref.waybill()
                    + " is not configured");
            return;
        }
        exchange.setVariable("shipmentFound", true);
        exchange.setVariable("forwarder", ref.forwarder());
        exchange.setVariable("waybill", ref.waybill());
        exchange.setVariable("transport", forwarder.isSftp() ? "sftp" : "http");
        if (forwarder.isSftp()) {
            return;
        }
        exchange.setVariable("statusUrl", forwarder.url("/shipments/")
                + URLEncoder.encode(ref.waybill(), StandardCharsets.UTF_8) + "?throwExceptionOnFailure=false");
    }

    /** Reads the forwarder's answer; the case moves to SHIPMENT_CHECKED, or {@code reviewReason} says why not. */
    public void recordStatus(@Variable("caseId") String caseId, @Variable("forwarder") String forwarder,
                             @Variable("waybill") String waybill, Exchange exchange) {
        if (HttpResponses.status(exchange) == 404) {
            exchange.setVariable("shipmentFound", false);
            exchange.setVariable("reviewReason", "Forwarder " + forwarder + " does not know waybill " + waybill);
            return;
        }
        String body = HttpResponses.requireSuccess(exchange, "forwarder " + forwarder + " (status of " + waybill + ")");
        record(caseId, forwarder, waybill, statusCode(body, forwarder), "", exchange);
    }

    /**
     * An SFTP forwarder's latest status file row for the waybill. None yet is a transient failure: the case is
     * tried again later, and goes to manual review if no status ever comes.
     */
    public void recordFileStatus(@Variable("caseId") String caseId, @Variable("forwarder") String forwarder,
                                 @Variable("waybill") String waybill, Exchange exchange) {
        LatestShipmentStatuses.LatestStatus latest = fileStatuses.find(forwarder, waybill)
                .orElseThrow(() -> RemoteCallException.transientFailure("no status file from " + forwarder
                        + " has mentioned waybill " + waybill + " yet", null));
        record(caseId, forwarder, waybill, latest.statusCode(),
                " (status file of " + latest.eventTime() + (latest.location() == null || latest.location().isBlank()
                        ? "" : ", " + latest.location()) + ")", exchange);
    }

    private void record(String caseId, String forwarder, String waybill, String code, String source,
                        Exchange exchange) {
        ShipmentState state = mapper.map(forwarder, code);
        repository.recordShipmentState(caseId, state, code, clock.instant());
        cases.record(caseId, "forwarder " + forwarder, "SHIPMENT_STATUS",
                "Waybill " + waybill + " is at status '" + code + "' (" + state + ")" + source, state.name());
        ReturnCase moved = cases.moveTo(caseId, CaseStatus.SHIPMENT_CHECKED, "Parcel is " + state);
        exchange.setVariable("shipmentState", moved.shipmentState().name());
    }

    private String statusCode(String body, String forwarder) {
        try {
            if (body == null || body.isBlank()) {
                throw RemoteCallException.permanent("forwarder " + forwarder + " answered with an empty body");
            }
            JsonNode node = json.readTree(body);
            JsonNode status = node == null || !node.isObject() ? null : node.get("status");
            if (status == null || status.isNull()) {
                throw RemoteCallException.permanent("forwarder " + forwarder + " answered without a \"status\": "
                        + HttpResponses.oneLine(body));
            }
            if (!status.isString() || status.asString().isBlank()) {
                throw RemoteCallException.permanent("forwarder " + forwarder + " answered a \"status\" that is not a "
                        + "status code (" + status.getNodeType().name().toLowerCase() + "): " + HttpResponses.oneLine(body));
            }
            String code = status.asString().trim();
            if (code.length() > 64 || code.chars().anyMatch(Character::isISOControl)) {
                throw RemoteCallException.permanent("forwarder " + forwarder + " answered a \"status\" that is not a "
                        + "status code (too long or with control characters): " + HttpResponses.oneLine(body));
            }
            return code;
        } catch (JacksonException e) {
            throw RemoteCallException.permanent("forwarder " + forwarder + " answered with invalid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "): " + HttpResponses.oneLine(body));
        }
    }

}

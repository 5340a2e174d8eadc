package com.returnsgateway.core.port;

import java.time.Instant;
import java.util.List;

/**
 * A forwarder's return warehouse service (4PX's GRS): the gateway forecasts a buyer's return to it once the return's
 * tracking number is known, and asks after the forecast until the warehouse says it received the parcel.
 */
public interface ReturnWarehousePort {

    /** Whether this forwarder (its configured code) names a return warehouse this adapter forecasts returns to. */
    boolean receivesReturns(String forwarder);

    /** Forecasts a return; answers the warehouse's RMA number and its first status. */
    Forecast forecast(String forwarder, ReturnForecast request);

    /** The warehouse's latest status of an RMA. */
    RmaStatus status(String forwarder, String rmaNo);

    /**
     * @param reference      the seller's reference for the return (its return id)
     * @param trackingNumber the return parcel's tracking number, as the warehouse will find it on the parcel
     */
    record ReturnForecast(String reference, String trackingNumber, List<Line> lines) {

        public ReturnForecast {
            lines = List.copyOf(lines);
        }
    }

    record Line(String sku, int quantity) {
    }

    record Forecast(String rmaNo, String status) {
    }

    /** @param received the warehouse has the parcel (received or put away); {@code receivedAt} then when, if told */
    record RmaStatus(String status, boolean received, Instant receivedAt) {
    }
}

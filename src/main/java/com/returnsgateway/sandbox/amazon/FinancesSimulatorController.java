package com.returnsgateway.sandbox.amazon;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.returnsgateway.sandbox.SandboxEnabled;

import tools.jackson.databind.node.ObjectNode;

/**
 * Finances API v0: listFinancialEventsByOrderId, the refunds the simulated Amazon booked on an order from the
 * adjustments it accepted in payment adjustment feeds (other financial event kinds are not simulated).
 */
@RestController
@RequestMapping(SpApiInterceptor.SP_ROOT + "/finances/v0/orders")
@SandboxEnabled
public class FinancesSimulatorController {

    private final FeedsSimulator feeds;

    public FinancesSimulatorController(FeedsSimulator feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/{orderId}/financialEvents")
    @SpApi(SpOperation.LIST_FINANCIAL_EVENTS_BY_ORDER_ID)
    public ObjectNode listFinancialEventsByOrderId(@RequestAttribute(SpApiInterceptor.CALLER) SpCaller caller,
                                                   @PathVariable("orderId") String orderId,
                                                   @RequestParam(name = "MaxResultsPerPage", required = false)
                                                   Integer maxResults,
                                                   @RequestParam(name = "NextToken", required = false)
                                                   String nextToken) {
        return feeds.refundEvents(caller, orderId, maxResults, nextToken);
    }
}

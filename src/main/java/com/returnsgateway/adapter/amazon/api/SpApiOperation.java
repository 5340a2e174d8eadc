package com.returnsgateway.adapter.amazon.api;

/**
 * The Selling Partner API operations the gateway calls, each with Amazon's documented usage plan: a token bucket
 * refilled at {@code rate} requests per second holding at most {@code burst}.
 */
public enum SpApiOperation {
    CREATE_REPORT("createReport", 0.0167, 15),
    GET_REPORT("getReport", 2, 15),
    GET_REPORT_DOCUMENT("getReportDocument", 0.0167, 15),
    CREATE_FEED_DOCUMENT("createFeedDocument", 0.5, 15),
    CREATE_FEED("createFeed", 0.0083, 15),
    GET_FEED("getFeed", 2, 15),
    GET_FEEDS("getFeeds", 0.0222, 10),
    GET_FEED_DOCUMENT("getFeedDocument", 0.0222, 10),
    GET_ORDER("getOrder", 0.5, 30),
    GET_ORDER_ITEMS("getOrderItems", 0.5, 30),
    CREATE_RESTRICTED_DATA_TOKEN("createRestrictedDataToken", 1, 10),
    LIST_FINANCIAL_EVENTS_BY_ORDER_ID("listFinancialEventsByOrderId", 0.5, 30);

    private final String operationName;
    private final double rate;
    private final int burst;

    SpApiOperation(String operationName, double rate, int burst) {
        this.operationName = operationName;
        this.rate = rate;
        this.burst = burst;
    }

    /** Amazon's name, as in its documentation and usage plans. */
    public String operationName() {
        return operationName;
    }

    public double rate() {
        return rate;
    }

    public int burst() {
        return burst;
    }
}

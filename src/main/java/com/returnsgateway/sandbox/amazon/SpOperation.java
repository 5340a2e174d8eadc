package com.returnsgateway.sandbox.amazon;

import java.util.Locale;

/**
 * The Selling Partner API operations the simulator serves, with the rate (requests per second) and burst Amazon
 * documents for each. {@code sandbox.amazon.rate-limits.<name>.rate/burst} override them.
 */
public enum SpOperation {

    CREATE_REPORT("createReport", 0.0167, 15),
    GET_REPORT("getReport", 2, 15),
    GET_REPORTS("getReports", 0.0222, 10),
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

    SpOperation(String operationName, double rate, int burst) {
        this.operationName = operationName;
        this.rate = rate;
        this.burst = burst;
    }

    /** Amazon's name of the operation, as used in the configuration and the stats. */
    public String operationName() {
        return operationName;
    }

    public double defaultRate() {
        return rate;
    }

    public int defaultBurst() {
        return burst;
    }

    /** The operation a configuration key names: {@code createFeed}, {@code createfeed} or {@code create-feed}. */
    public static SpOperation byConfigKey(String key) {
        String wanted = key.replace("-", "").toLowerCase(Locale.ROOT);
        for (SpOperation op : values()) {
            if (op.operationName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return op;
            }
        }
        return null;
    }
}

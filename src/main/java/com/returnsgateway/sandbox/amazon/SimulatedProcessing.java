package com.returnsgateway.sandbox.amazon;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * How Amazon moves a report or a feed along, as its callers see it: IN_QUEUE, then IN_PROGRESS, one step per
 * status call, until the job ends (DONE, CANCELLED or FATAL) with its processing start and end times.
 */
final class SimulatedProcessing {

    private final int pollsBeforeDone;
    private int polls;
    private String status = "IN_QUEUE";
    private Instant start;
    private Instant end;

    SimulatedProcessing(int pollsBeforeDone) {
        this.pollsBeforeDone = Math.max(0, pollsBeforeDone);
    }

    /** A status call: moves the job one step; true when this call is the one that must end it. */
    boolean poll(Instant now) {
        if (!status.equals("IN_QUEUE") && !status.equals("IN_PROGRESS")) {
            return false;
        }
        polls++;
        if (polls > pollsBeforeDone) {
            return true;
        }
        if (polls > 1) {
            status = "IN_PROGRESS";
            if (start == null) {
                start = now;
            }
        }
        return false;
    }

    void end(String finalStatus, Instant now) {
        if (start == null) {
            start = now;
        }
        end = now;
        status = finalStatus;
    }

    String status() {
        return status;
    }

    int polls() {
        return polls;
    }

    /** processingStatus, and processingStartTime / processingEndTime once known. */
    void putInto(ObjectNode node) {
        node.put("processingStatus", status);
        if (start != null) {
            node.put("processingStartTime", AmazonJson.timestamp(start));
        }
        if (end != null) {
            node.put("processingEndTime", AmazonJson.timestamp(end));
        }
    }
}

package com.returnsgateway.adapter.amazon.format;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of Amazon's returns report ({@code GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE}): one returned item of one
 * return (a return of several items has one row per item, all with the same {@code amazonRmaId}).
 *
 * <p>Every column of the report is kept, typed, so that the mapper and operators see what Amazon said without going
 * back to the file. Text cells that were empty are {@code null}; so are dates, amounts and flags that were empty.
 * Dates without a time are the start of that day in UTC. Amounts are as written (no currency rounding): the
 * {@code currencyCode} column says which currency they are in. {@code line} is the row's line in the file (the
 * header is line 1), for messages.
 *
 * <p>Always present (a row without them is reported as a problem, never built): {@code orderId}, {@code amazonRmaId},
 * {@code returnRequestDate}, {@code merchantSku} and {@code returnQuantity} (more than zero).
 */
public record ReturnReportRow(
        int line,
        String orderId,
        Instant orderDate,
        Instant returnRequestDate,
        String returnRequestStatus,
        String amazonRmaId,
        String merchantRmaId,
        String labelType,
        BigDecimal labelCost,
        String currencyCode,
        String returnCarrier,
        String trackingId,
        String labelToBePaidBy,
        Boolean aToZClaim,
        Boolean prime,
        String asin,
        String merchantSku,
        String itemName,
        int returnQuantity,
        String returnReason,
        Boolean inPolicy,
        String returnType,
        String resolution,
        String invoiceNumber,
        Instant returnDeliveryDate,
        BigDecimal orderAmount,
        Integer orderQuantity,
        String safetActionReason,
        String safetClaimId,
        String safetClaimState,
        Instant safetClaimCreationTime,
        BigDecimal safetClaimReimbursementAmount,
        BigDecimal refundedAmount) {
}

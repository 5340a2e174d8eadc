package com.returnsgateway.sandbox.amazon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.GZIPOutputStream;

/**
 * The GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE document: UTF-8, tab-separated, a header row with Amazon's 32
 * column names, then one row per returned item (a return of two SKUs gives two rows with the same Amazon RMA ID).
 * Dates are ISO-8601 with offset, flags Y/N, amounts plain decimals; unknown cells are empty.
 */
public final class ReturnsFlatFile {

    public static final List<String> COLUMNS = List.of("Order ID", "Order date", "Return request date",
            "Return request status", "Amazon RMA ID", "Merchant RMA ID", "Label type", "Label cost", "Currency code",
            "Return carrier", "Tracking ID", "Label to be paid by", "A-to-Z Claim", "Is prime", "ASIN",
            "Merchant SKU", "Item Name", "Return quantity", "Return Reason", "In policy", "Return type", "Resolution",
            "Invoice number", "Return delivery date", "Order Amount", "Order quantity", "SafeT Action reason",
            "SafeT claim id", "SafeT claim state", "SafeT claim creation time", "SafeT claim reimbursement amount",
            "Refunded Amount");

    private ReturnsFlatFile() {
    }

    /**
     * The rows for these returns; {@code refunded} tells what was refunded so far for an order item
     * ({@code (orderId, orderItemId)}).
     */
    public static List<List<String>> rows(List<SimulatedOrderBook.ReturnedOrder> returns,
                                          BiFunction<String, String, BigDecimal> refunded) {
        List<List<String>> rows = new ArrayList<>();
        for (SimulatedOrderBook.ReturnedOrder ro : returns) {
            SimulatedReturn r = ro.request();
            SimulatedOrder order = ro.order();
            Currency currency = Currency.getInstance(order.currency());
            for (SimulatedReturn.Item returned : r.items()) {
                SimulatedOrder.Item item = order.itemBySku(returned.sku()).orElseThrow();
                List<String> row = new ArrayList<>(COLUMNS.size());
                row.add(order.orderId());
                row.add(AmazonJson.timestamp(order.purchaseDate()));
                row.add(AmazonJson.timestamp(r.requestedAt()));
                row.add(r.status());
                row.add(r.rmaId());
                row.add(r.merchantRmaId());
                row.add(r.labelType());
                row.add(null);                                  // Label cost
                row.add(order.currency());
                row.add(r.returnCarrier());
                row.add(r.trackingId());
                row.add(null);                                  // Label to be paid by
                row.add("N");                                   // A-to-Z Claim
                row.add(order.prime() ? "Y" : "N");
                row.add(item.asin());
                row.add(item.sku());
                row.add(item.title());
                row.add(Integer.toString(returned.quantity()));
                row.add(r.reason());
                row.add("Y");                                   // In policy
                row.add("C-Returns");
                row.add(r.resolution());
                row.add(null);                                  // Invoice number
                row.add(ro.returnDeliveredAt() == null ? null : AmazonJson.timestamp(ro.returnDeliveredAt()));
                row.add(AmazonJson.plain(item.itemPrice(), currency));
                row.add(Integer.toString(item.quantity()));
                for (int i = 0; i < 5; i++) {
                    row.add(null);                              // SafeT claim columns
                }
                row.add(AmazonJson.plain(refunded.apply(order.orderId(), item.orderItemId()), currency));
                rows.add(row);
            }
        }
        return rows;
    }

    public static String render(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.join("\t", COLUMNS)).append('\n');
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append('\t');
                }
                out.append(cell(row.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A cell cannot hold the separators: tabs and line breaks become spaces. */
    private static String cell(String value) {
        return value == null ? "" : value.replaceAll("[\\t\\r\\n]", " ");
    }
}

package com.returnsgateway.adapter.sftp;

import java.time.Instant;

/** One parcel status event in a {@code status-*.csv} file; {@code location} may be null. */
public record StatusRow(String waybill, String statusCode, Instant eventTime, String location) {
}

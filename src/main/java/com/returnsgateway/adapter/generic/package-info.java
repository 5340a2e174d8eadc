/**
 * The gateway's own HTTP contract (README "Formats"): a marketplace of {@code type: generic} ({base}/returns polled
 * page by page, {base}/refunds with an Idempotency-Key), a forwarder of {@code type: http} ({base}/shipments/{waybill},
 * {base}/intercepts) and the back office's reship webhook. Every call goes through the guarded {@code remote-call}
 * route.
 */
package com.returnsgateway.adapter.generic;

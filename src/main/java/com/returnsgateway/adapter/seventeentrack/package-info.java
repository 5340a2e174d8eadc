/**
 * 17TRACK API v2.2 ({@code gateway.tracking.type: 17track}): the tracking service for last-mile numbers. Numbers are
 * followed in a table ({@code tracked_number}), registered and refreshed in batches by the tracking route
 * (routes/tracking.camel.yaml), and updated by 17TRACK's signed webhook ({@code POST /webhooks/17track}). Every call
 * goes through the guarded {@code remote-call} route.
 */
package com.returnsgateway.adapter.seventeentrack;

/**
 * Yanwen ({@code gateway.forwarders.<code>.type: yanwen}): a parcel's status from Yanwen's tracking API
 * ({@code GET {base}/api/tracking?nums=}, header {@code Authorization: <customer number>}). Yanwen publishes no
 * intercept API, so the core gives operations a task instead of calling one. Every call goes through the guarded
 * {@code remote-call} route.
 */
package com.returnsgateway.adapter.yanwen;

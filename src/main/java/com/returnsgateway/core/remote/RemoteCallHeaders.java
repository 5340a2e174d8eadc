package com.returnsgateway.core.remote;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * camel-http's header filter for the calls of the {@code remote-call} route, letting out a {@code Date} header: the
 * filter drops it as one of HTTP's own, but some protocols sign it (YunExpress's OpenAPI) and refuse a call without
 * it. Nothing else changes; every inbound header is removed before a call anyway, so only what the adapter set goes.
 */
public class RemoteCallHeaders extends HttpHeaderFilterStrategy {

    /** The camel-http endpoint option naming this filter; Camel takes it off the URL it sends. */
    static final String URI_OPTION = "headerFilterStrategy=#class:" + RemoteCallHeaders.class.getName();

    public RemoteCallHeaders() {
        getOutFilter().removeIf(header -> header.equalsIgnoreCase("date"));
    }
}

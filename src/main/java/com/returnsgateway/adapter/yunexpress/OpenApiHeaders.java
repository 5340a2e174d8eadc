package com.returnsgateway.adapter.yunexpress;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * camel-http's header filter, letting the OpenAPI's {@code date} header out: the filter drops a {@code Date} header as
 * one of HTTP's own, but the OpenAPI's signature covers it and its calls are refused without it. Named on the
 * OpenAPI's call URLs only ({@link #URI_OPTION}); every other call keeps camel-http's filter.
 */
@Component(OpenApiHeaders.BEAN)
public class OpenApiHeaders extends HttpHeaderFilterStrategy {

    static final String BEAN = "yunExpressOpenApiHeaders";
    /** The camel-http endpoint option that puts this filter on a call; Camel takes it off the URL it sends. */
    static final String URI_OPTION = "headerFilterStrategy=#bean:" + BEAN;

    public OpenApiHeaders() {
        getOutFilter().removeIf(header -> header.equalsIgnoreCase("date"));
    }
}

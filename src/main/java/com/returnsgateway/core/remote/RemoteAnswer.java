package com.returnsgateway.core.remote;

/** What a remote system answered to a {@link RemoteCall}: any HTTP status, for the adapter to read. */
public record RemoteAnswer(int status, String body, String contentType, String retryAfter, String what) {

    /** The body of a 2xx answer; otherwise a transient (5xx, 429, honouring Retry-After) or permanent failure. */
    public String requireSuccess() {
        return HttpResponses.requireSuccess(status, body, retryAfter, what);
    }

    public boolean notFound() {
        return status == 404;
    }
}

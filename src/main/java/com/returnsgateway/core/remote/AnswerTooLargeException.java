package com.returnsgateway.core.remote;

/**
 * A remote system's answer longer than the call allows ({@link RemoteCall#maxAnswerBytes()}): reading stopped at the
 * limit. Permanent: the same request would get the same answer.
 */
public class AnswerTooLargeException extends RemoteCallException {

    private final transient byte[] start;
    private final long limit;

    AnswerTooLargeException(String what, long limit, byte[] start) {
        super(what + " answered more than " + limit + " bytes; reading stopped there", false, null);
        this.limit = limit;
        this.start = start;
    }

    public long limit() {
        return limit;
    }

    /** The first {@link #limit()} bytes of the answer, for a person to look at. */
    public byte[] start() {
        return start.clone();
    }
}

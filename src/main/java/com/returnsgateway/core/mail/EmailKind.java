package com.returnsgateway.core.mail;

import java.util.Locale;

/** The emails the gateway sends. Each kind has its own templates, {@code <kind-lowercase>.html} and {@code .txt}. */
public enum EmailKind {
    RETURN_LABEL,
    PARCEL_INTERCEPTED,
    PARCEL_SHIPPED,
    RETURN_TO_SENDER,
    PARCEL_LOST,
    REFUND_ISSUED,
    RESHIP_ARRANGED,
    /** An SFTP forwarder did not confirm an intercept in time: the refund is in the operations team's hands. */
    REFUND_IN_PROGRESS,
    /** A partial refund to keep a delivered item, with signed links to accept or decline it. */
    PARTIAL_REFUND_OFFER,
    /** A buyer sent a return label has not sent the parcel yet (no carrier scan): one reminder. */
    RETURN_REMINDER,
    /** The return window passed without the return: the case is closed without refund. */
    RETURN_WINDOW_CLOSED,
    OPERATIONS_TASK,
    MANUAL_REVIEW,
    /** Something went wrong outside any one case (an Amazon report or refund feed failed): operations must look. */
    OPERATIONS_ALERT;

    /** True for emails to the buyer; the others go to the operations address. */
    public boolean toBuyer() {
        return this != OPERATIONS_TASK && this != MANUAL_REVIEW && this != OPERATIONS_ALERT;
    }

    /** False only for {@link #OPERATIONS_ALERT}, which is about an account or a batch, not one case. */
    public boolean aboutACase() {
        return this != OPERATIONS_ALERT;
    }

    /** The base name of the templates and the key in subjects.properties, e.g. {@code return_label}. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

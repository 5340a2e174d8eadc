package com.returnsgateway.core;

/**
 * Every exchange variable the routes (routes/*.camel.yaml) and the beans they call share, with what it means: the
 * contract between the YAML and the Java. Java reads and writes them through these constants; the routes by the same
 * names ({@code ${variable.caseId}}). RouteVariablesTest fails when a route or a bean uses a name not listed here, or a
 * name here is never written or never read.
 */
public final class RouteVariables {

    private RouteVariables() {
    }

    // ---- a case at work (case-work and the step routes) ----
    /** The case a worker is on. */
    public static final String CASE_ID = "caseId";
    /** The worker's claim on the case, renewed before every step. */
    public static final String CLAIM_TOKEN = "claimToken";
    /** Steps taken in this go; too many means the case is stuck. */
    public static final String STEPS = "steps";
    /** The case's lifecycle status: its program counter in case-work. */
    public static final String STATUS = "status";
    /** ACTIVE, WAITING or DONE (CLAIM_LOST when another worker took the case over): the loop goes on while ACTIVE. */
    public static final String PHASE = "phase";
    /** The canonical ShipmentState the decision routes on. */
    public static final String SHIPMENT_STATE = "shipmentState";
    /** The forwarder's own status code, named when it maps to no ShipmentState. */
    public static final String FORWARDER_CODE = "forwarderCode";
    /** Whether a parcel was found to ask about (and the forwarder knows it). */
    public static final String SHIPMENT_FOUND = "shipmentFound";
    /** The forwarder (its configured code) and the parcel's waybill. */
    public static final String FORWARDER = "forwarder";
    public static final String WAYBILL = "waybill";
    /** ACCEPTED or REJECTED once the forwarder answered the intercept; null while not known. */
    public static final String INTERCEPT_OUTCOME = "interceptOutcome";
    /** REFUND or RESHIP: what settling pushes. */
    public static final String REFUND_KIND = "refundKind";
    /** The refund (or reship) was accepted before: not sent again. */
    public static final String REFUND_SENT = "refundSent";
    /** The marketplace answers the refund later: the case waits and the buyer is not told yet. */
    public static final String REFUND_QUEUED = "refundQueued";
    /** The stored idempotency key of the refund being settled. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Why a person must look: the manual-review reason. */
    public static final String REVIEW_REASON = "reviewReason";
    /** A failed step put the case in manual review: operations are emailed. */
    public static final String NOTIFY_OPERATIONS = "notifyOperations";

    // ---- waiting cases (waits.camel.yaml) ----
    /** What a due return wait calls for: REMIND, CLOSE, TASK or WAIT (WaitSteps.ReturnStep). */
    public static final String WAIT_STEP = "waitStep";

    // ---- mail (mail.camel.yaml) ----
    /** Which email a step asks for (an EmailKind). */
    public static final String EMAIL_KIND = "emailKind";
    /** What operations are asked to do, for an OPERATIONS_TASK or MANUAL_REVIEW email. */
    public static final String TASK = "task";
    /** The composed email, logged once it is sent. */
    public static final String OUTGOING_EMAIL = "outgoingEmail";
    /** How many times the case entered its current status: an email is sent once per status entry. */
    public static final String STATUS_EPOCH = "statusEpoch";
    /** A resumed case already sent this email in its current status. */
    public static final String MAIL_ALREADY_SENT = "mailAlreadySent";
    /** An operations alert about something outside any one case: its source, title, details and de-dup key. */
    public static final String ALERT_SOURCE = "alertSource";
    public static final String ALERT_TITLE = "alertTitle";
    public static final String ALERT_DETAILS = "alertDetails";
    public static final String ALERT_KEY = "alertKey";

    // ---- guarded calls (remote-call.camel.yaml) ----
    /** The HTTP call being made, and its URL as the endpoint takes it. */
    public static final String REMOTE_CALL = "remoteCall";
    public static final String CALL_URL = "callUrl";
    /** The circuit breaker's permit for the call under way. */
    public static final String REMOTE_PERMIT = "remotePermit";

    // ---- polling a generic marketplace (generic-marketplace.camel.yaml) ----
    /** The marketplace being polled. */
    public static final String MARKETPLACE = "marketplace";
    /** The next page to fetch; null when the cycle is done. */
    public static final String PAGE_URL = "pageUrl";
    /** The marketplace's token for the page after this one. */
    public static final String NEXT_PAGE_TOKEN = "nextPageToken";
    /** The latest updatedAt seen in this cycle: the next watermark. */
    public static final String CYCLE_MAX = "cycleMax";
    /** Pages read in this poll. */
    public static final String PAGES = "pages";

    // ---- SFTP forwarders (sftp-forwarder.camel.yaml) ----
    /** The name of the intercept batch file being uploaded. */
    public static final String BATCH_FILE = "batchFile";
    /** The forwarder's file being read. */
    public static final String FILE_NAME = "fileName";
    /** The line-numbered report of a file with bad rows, and its file name beside it in error/. */
    public static final String REPORT = "report";
    public static final String REPORT_FILE = "reportFile";

    // ---- Amazon cycles (amazon.camel.yaml) ----
    /** The Amazon seller account (a marketplace code). */
    public static final String ACCOUNT = "account";
    /** The cycle ("report:<account>" or "feed:<account>"), for its backoff after a failure. */
    public static final String CYCLE = "cycle";
    /** The returns report followed, its processing status, and its document. */
    public static final String REPORT_ID = "reportId";
    public static final String REPORT_STATUS = "reportStatus";
    public static final String REPORT_DOCUMENT_ID = "reportDocumentId";
    /** What a report held: rows read, returns found, rows refused. */
    public static final String ROWS_READ = "rowsRead";
    public static final String RETURNS_FOUND = "returnsFound";
    public static final String ROW_PROBLEMS = "rowProblems";
    /** The account's open refund feed (its row) and where it stands (NONE, BUILT, SUBMITTING, SUBMITTED, ...). */
    public static final String FEED_ROW = "feedRow";
    public static final String FEED_STATUS = "feedStatus";
    /** The feed statuses whose step has run in this tick: the cycle goes on while a step moved the feed on. */
    public static final String FEED_STEPS_TAKEN = "feedStepsTaken";
    /** Amazon's processingStatus of the submitted feed, and its processing report's document. */
    public static final String FEED_PROCESSING_STATUS = "feedProcessingStatus";
    public static final String RESULT_FEED_DOCUMENT_ID = "resultFeedDocumentId";
    /** What operations must check about a feed whose fate is not known. */
    public static final String FEED_ALERT = "feedAlert";

    // ---- buyers' replies (buyer-replies.camel.yaml) ----
    /** What makes a message of the inbox the same when read again: its Message-ID, or a hash of it. */
    public static final String REPLY_KEY = "replyKey";
    /** The message parsed (an InboundMail); null when it could not be read. */
    public static final String INBOUND_MAIL = "inboundMail";
    /** REPLY, AUTO_REPLY, BOUNCE (each matched to caseId), UNMATCHED or MALFORMED: where the message goes. */
    public static final String REPLY_KIND = "replyKind";
    /** Why a message goes to the quarantine. */
    public static final String REPLY_PROBLEM = "replyProblem";
    /** The stored reply (buyer_reply.id), and whether operations are still to be emailed about it. */
    public static final String REPLY_ID = "replyId";
    public static final String REPLY_TASK_DUE = "replyTaskDue";
}

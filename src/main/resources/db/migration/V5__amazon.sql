-- Amazon seller accounts (marketplaces of type amazon).

-- Returns reports asked of the Reports API: at most one open per account. The account's checkpoint
-- (poll_checkpoint 'amazon:<account>') moves to data_end only once the report is processed.
CREATE TABLE amazon_report (
    id             BIGSERIAL    PRIMARY KEY,
    account        VARCHAR(64)  NOT NULL,
    report_id      VARCHAR(64)  NOT NULL,
    data_start     TIMESTAMPTZ  NOT NULL,
    data_end       TIMESTAMPTZ  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    rows_read      INTEGER,
    returns_found  INTEGER,
    problems       INTEGER,
    message        TEXT,
    CONSTRAINT amazon_report_unique UNIQUE (account, report_id)
);
CREATE INDEX amazon_report_open ON amazon_report (account, finished_at);

-- What the Orders API said about an order: the order item codes a refund names, and where the buyer's email came from.
CREATE TABLE amazon_order (
    account                  VARCHAR(64)  NOT NULL,
    order_id                 VARCHAR(64)  NOT NULL,
    marketplace_id           VARCHAR(32),
    items                    JSONB        NOT NULL,
    buyer_email_from_amazon  BOOLEAN      NOT NULL,
    fetched_at               TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account, order_id)
);

-- Refund feeds (POST_PAYMENT_ADJUSTMENT_DATA): the document is stored before it is uploaded, and the status says how
-- far the submission got, so a crash never submits the same refunds twice.
CREATE TABLE amazon_feed (
    id                 BIGSERIAL    PRIMARY KEY,
    account            VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    document           TEXT         NOT NULL,
    messages           INTEGER      NOT NULL,
    feed_document_id   VARCHAR(128),
    feed_id            VARCHAR(64),
    processing_status  VARCHAR(16),
    accepted           INTEGER,
    rejected           INTEGER,
    created_at         TIMESTAMPTZ  NOT NULL,
    submit_started_at  TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    message            TEXT,
    CONSTRAINT amazon_feed_id_unique UNIQUE (account, feed_id)
);
CREATE INDEX amazon_feed_open ON amazon_feed (account, finished_at);

-- One refund per case going to Amazon: QUEUED, then IN_FEED (one feed, one MessageID), then ACCEPTED or REJECTED.
CREATE TABLE amazon_refund (
    case_id         VARCHAR(40)  PRIMARY KEY REFERENCES return_case (case_id),
    account         VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    feed            BIGINT       REFERENCES amazon_feed (id),
    message_id      INTEGER,
    submissions     INTEGER      NOT NULL DEFAULT 0,
    result_code     VARCHAR(64),
    result_message  TEXT,
    reported        BOOLEAN      NOT NULL DEFAULT FALSE,
    queued_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX amazon_refund_queue ON amazon_refund (account, status, queued_at);
CREATE UNIQUE INDEX amazon_refund_message ON amazon_refund (feed, message_id);

-- Work that one instance at a time does (an account's report and feed cycles), held through a lease.
CREATE TABLE work_lease (
    name         VARCHAR(128) PRIMARY KEY,
    owner        VARCHAR(128) NOT NULL,
    lease_until  TIMESTAMPTZ  NOT NULL
);

-- Facts operators should see at a glance, e.g. BUYER_EMAIL_FALLBACK.
ALTER TABLE return_case ADD COLUMN flags TEXT[] NOT NULL DEFAULT '{}';

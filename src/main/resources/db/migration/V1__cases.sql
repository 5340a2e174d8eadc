-- One row per return request; the unique key on (marketplace, return_id) is the de-duplication key.
CREATE TABLE return_case (
    case_id          VARCHAR(40)  PRIMARY KEY,
    marketplace      VARCHAR(64)  NOT NULL,
    return_id        VARCHAR(128) NOT NULL,
    order_id         VARCHAR(128) NOT NULL,
    request          JSONB        NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    phase            VARCHAR(16)  NOT NULL,
    shipment_state   VARCHAR(32),
    forwarder_code   VARCHAR(64),
    status_reason    TEXT,
    resume_status    VARCHAR(32),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    claimed_by       VARCHAR(64),
    claim_until      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT return_case_dedup UNIQUE (marketplace, return_id)
);
CREATE INDEX return_case_due ON return_case (phase, next_attempt_at);
CREATE INDEX return_case_order ON return_case (order_id);
CREATE INDEX return_case_status ON return_case (status);

CREATE TABLE case_event (
    id        BIGSERIAL   PRIMARY KEY,
    case_id   VARCHAR(40) NOT NULL REFERENCES return_case (case_id),
    at        TIMESTAMPTZ NOT NULL,
    actor     VARCHAR(64) NOT NULL,
    type      VARCHAR(64) NOT NULL,
    message   TEXT        NOT NULL,
    outcome   VARCHAR(64)
);
CREATE INDEX case_event_case ON case_event (case_id, id);

-- Intercept requests: the key is stored before the first attempt and reused on every retry.
CREATE TABLE intercept_request (
    case_id          VARCHAR(40)  PRIMARY KEY REFERENCES return_case (case_id),
    idempotency_key  VARCHAR(128) NOT NULL UNIQUE,
    forwarder        VARCHAR(64)  NOT NULL,
    waybill          VARCHAR(128) NOT NULL,
    outcome          VARCHAR(16),
    outcome_code     VARCHAR(64),
    outcome_message  TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    answered_at      TIMESTAMPTZ
);

-- Refunds and reship instructions: at most one per case, keyed before the first attempt.
CREATE TABLE refund_instruction (
    id                BIGSERIAL    PRIMARY KEY,
    case_id           VARCHAR(40)  NOT NULL UNIQUE REFERENCES return_case (case_id),
    idempotency_key   VARCHAR(128) NOT NULL UNIQUE,
    kind              VARCHAR(16)  NOT NULL,
    refund_type       VARCHAR(16)  NOT NULL,
    amount            NUMERIC(14, 4) NOT NULL,
    currency          CHAR(3)      NOT NULL,
    reason            VARCHAR(32)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    remote_reference  VARCHAR(128),
    created_at        TIMESTAMPTZ  NOT NULL,
    sent_at           TIMESTAMPTZ
);

CREATE TABLE sent_email (
    id           BIGSERIAL    PRIMARY KEY,
    case_id      VARCHAR(40)  NOT NULL REFERENCES return_case (case_id),
    kind         VARCHAR(32)  NOT NULL,
    recipient    VARCHAR(320) NOT NULL,
    subject      TEXT         NOT NULL,
    message_id   VARCHAR(255) NOT NULL,
    attachment   VARCHAR(255),
    sent_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sent_email_case ON sent_email (case_id);

-- Where each marketplace poll got to: updated-after watermark and, mid-cycle, the next page token.
CREATE TABLE poll_checkpoint (
    source         VARCHAR(64) PRIMARY KEY,
    updated_after  TIMESTAMPTZ,
    page_token     TEXT,
    cycle_max      TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- Inputs that could not become a case, kept with the reason for operators.
CREATE TABLE quarantine (
    id           BIGSERIAL   PRIMARY KEY,
    source       VARCHAR(64) NOT NULL,
    reference    VARCHAR(255),
    reason       TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);

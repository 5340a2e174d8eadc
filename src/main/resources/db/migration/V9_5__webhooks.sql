-- Webhooks to the back office (core/webhooks): an outbox. A case event is written here in the transaction of the change
-- it tells of: its body exactly as sent (so every retry and replay signs the same bytes) and one delivery per endpoint
-- that subscribes to its type. Deliveries are claimed by the webhooks-sweep timer of any instance (FOR UPDATE SKIP
-- LOCKED), posted, and kept with their outcome as the endpoint's delivery log.
CREATE TABLE webhook_event (
    event_id    UUID         PRIMARY KEY,
    case_id     VARCHAR(40)  NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    body        TEXT         NOT NULL
);
CREATE INDEX webhook_event_case ON webhook_event (case_id);

-- retrying_since: when the current run of attempts began (first written, or replayed); give-up-after counts from it.
-- claim_token/claim_until: the sweep that is posting it; another sweep leaves it alone until the claim runs out.
CREATE TABLE webhook_delivery (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        UUID         NOT NULL REFERENCES webhook_event (event_id) ON DELETE CASCADE,
    case_id         VARCHAR(40)  NOT NULL,
    endpoint        VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    retrying_since  TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    replayed_by     VARCHAR(128),
    replayed_at     TIMESTAMPTZ,
    claim_token     VARCHAR(36),
    claim_until     TIMESTAMPTZ,
    CONSTRAINT webhook_delivery_once UNIQUE (event_id, endpoint)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
-- the delivery log, newest first, per endpoint
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint, id);
-- a case's events reach an endpoint in order: a delivery waits while an earlier one of its case is pending
CREATE INDEX webhook_delivery_case_pending ON webhook_delivery (endpoint, case_id, id) WHERE status = 'PENDING';

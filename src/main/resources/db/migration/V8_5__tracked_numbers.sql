-- Last-mile numbers followed with a tracking service (gateway.tracking.type, 17TRACK): registered in batches by the
-- tracking route, refreshed by polling and by the service's webhook. One row per number.
-- state: PENDING (to register), REGISTERED (followed), REJECTED (the service refused it: see error),
-- QUOTA_EXHAUSTED (waiting for the account's quota; registered again once it is back), STOPPED (the service stopped
-- following it).
CREATE TABLE tracked_number (
    number          VARCHAR(64)  PRIMARY KEY,
    carrier         VARCHAR(32),
    state           VARCHAR(16)  NOT NULL
        CHECK (state IN ('PENDING', 'REGISTERED', 'REJECTED', 'QUOTA_EXHAUSTED', 'STOPPED')),
    status_code     VARCHAR(64),
    status_detail   VARCHAR(500),
    status_at       TIMESTAMPTZ,
    error           VARCHAR(500),
    refreshed_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX tracked_number_to_register ON tracked_number (created_at) WHERE state IN ('PENDING', 'QUOTA_EXHAUSTED');
CREATE INDEX tracked_number_to_refresh ON tracked_number (refreshed_at) WHERE state = 'REGISTERED';

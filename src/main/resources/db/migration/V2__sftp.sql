-- Files received from SFTP forwarders: the unique key makes processing a file idempotent across restarts and
-- instances. PROCESSING is a claim whose processing has not finished (see JdbcProcessedFiles).
CREATE TABLE forwarder_file (
    forwarder    VARCHAR(64)  NOT NULL,
    file_name    VARCHAR(100) NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('PROCESSING', 'PROCESSED', 'PARTIAL', 'REJECTED')),
    rows_ok      INTEGER      NOT NULL DEFAULT 0,
    rows_failed  INTEGER      NOT NULL DEFAULT 0,
    report       TEXT,
    received_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT forwarder_file_once UNIQUE (forwarder, file_name)
);

-- Keys of Camel idempotent consumers (camel-ftp idempotentRepository), one namespace per processor.
CREATE TABLE idempotent_key (
    processor   VARCHAR(64)  NOT NULL,
    key         VARCHAR(512) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (processor, key)
);

-- Latest known status of each parcel at an SFTP forwarder (from status-*.csv files); older events never win.
CREATE TABLE shipment_status_latest (
    forwarder    VARCHAR(64)  NOT NULL,
    waybill      VARCHAR(128) NOT NULL,
    status_code  VARCHAR(128) NOT NULL,
    event_time   TIMESTAMPTZ  NOT NULL,
    location     TEXT,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (forwarder, waybill)
);

-- Sequence numbers of outbound file names, unique across instances.
CREATE SEQUENCE sftp_file_seq;

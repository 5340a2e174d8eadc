-- The parcel a buyer sends back: its tracking number (from a later Amazon returns report, a buyer's reply, 4PX's
-- returns service or an operator), where it was learnt, and the moments that can trigger the refund.
CREATE TABLE return_parcel (
    case_id       VARCHAR(40)  PRIMARY KEY REFERENCES return_case (case_id),
    number        VARCHAR(64)  NOT NULL,
    carrier       VARCHAR(32),
    source        VARCHAR(64)  NOT NULL,
    attached_at   TIMESTAMPTZ  NOT NULL,
    first_scan_at TIMESTAMPTZ,
    delivered_at  TIMESTAMPTZ,
    received_at   TIMESTAMPTZ,
    last_code     VARCHAR(64),
    last_detail   TEXT,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX return_parcel_number ON return_parcel (number);

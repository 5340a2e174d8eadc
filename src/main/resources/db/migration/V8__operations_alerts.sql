-- Alerts to operations about a system rather than a case (a forwarder refusing the account's credentials): one row per
-- alert key, so a problem shared by a hundred cases is emailed once, and again only after gateway.intercepts.alert-again-after.
-- An intercept answer that is polled (4PX's hold) counts its deadline from written_at, as a request file does.
CREATE TABLE operations_alert (
    alert_key    VARCHAR(255) PRIMARY KEY,
    title        TEXT         NOT NULL,
    raised_at    TIMESTAMPTZ  NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL,
    times_seen   INTEGER      NOT NULL DEFAULT 1
);

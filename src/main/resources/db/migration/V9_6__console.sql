-- The operations console.
-- Every email as its recipient saw it: the bodies are kept with the log line (NULL for emails sent before, and once
-- the buyer's data is erased: the bodies hold the buyer's name and address).
ALTER TABLE sent_email
    ADD COLUMN text_body TEXT,
    ADD COLUMN html_body TEXT;

-- A quarantined input an operator dealt with: resubmitted (fixed, then accepted as case_id) or discarded with a
-- reason. Unresolved entries are what the console shows as needing a person.
ALTER TABLE quarantine
    ADD COLUMN resolution     VARCHAR(16),
    ADD COLUMN resolved_by    VARCHAR(128),
    ADD COLUMN resolved_at    TIMESTAMPTZ,
    ADD COLUMN resolution_note TEXT,
    ADD COLUMN case_id        VARCHAR(40);
CREATE INDEX quarantine_open ON quarantine (received_at) WHERE resolution IS NULL;
CREATE INDEX return_case_created ON return_case (created_at);

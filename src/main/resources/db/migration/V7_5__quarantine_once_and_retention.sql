-- The same input (source, reason, payload) is quarantined once: a bad marketplace page read again at every poll
-- is not kept again. SHA-256 hex of the three; rows from before have none.
ALTER TABLE quarantine ADD COLUMN fingerprint CHAR(64);
CREATE UNIQUE INDEX quarantine_once ON quarantine (fingerprint);
-- For the retention job: when the buyer's data of a DONE case, or of a quarantined input, was removed.
ALTER TABLE return_case ADD COLUMN buyer_data_removed_at TIMESTAMPTZ;
ALTER TABLE quarantine ADD COLUMN buyer_data_removed_at TIMESTAMPTZ;
CREATE INDEX return_case_retention ON return_case (updated_at) WHERE phase = 'DONE' AND buyer_data_removed_at IS NULL;

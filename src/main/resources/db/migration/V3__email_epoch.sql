-- An email is sent once per kind while a case stays in one status: the epoch counts the case's status changes,
-- so a case resumed after a crash does not email the buyer again for the step it had already mailed.
ALTER TABLE sent_email ADD COLUMN status_epoch INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sent_email_case_kind ON sent_email (case_id, kind, status_epoch);

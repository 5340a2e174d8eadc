-- Intercepts sent to SFTP forwarders: the file a request went out in (named before the upload, so a retried upload
-- reuses the name) and when the upload completed; the answer deadline counts from then.
ALTER TABLE intercept_request ADD COLUMN file_name VARCHAR(255);
ALTER TABLE intercept_request ADD COLUMN written_at TIMESTAMPTZ;
CREATE INDEX intercept_request_unsent ON intercept_request (forwarder) WHERE outcome IS NULL AND written_at IS NULL;

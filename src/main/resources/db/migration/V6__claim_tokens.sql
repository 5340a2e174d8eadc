-- Each claim of a case gets its own token. A worker that outlived its lease (it waited on a database that was away
-- longer than the lease) can then neither release nor reschedule the claim another worker has taken since, and
-- learns at its next step that the case is no longer its own.
ALTER TABLE return_case ADD COLUMN claim_token VARCHAR(36);

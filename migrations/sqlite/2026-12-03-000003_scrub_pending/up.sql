-- A sealed round whose storage scrub (rewriting the survey tables so no pre-seal id, token
-- hash or row version stays in the database's files) has not finished yet. Set by the seal,
-- cleared by the scrub; the server finishes an interrupted scrub when it starts.
ALTER TABLE rounds ADD COLUMN scrub_pending BOOLEAN NOT NULL DEFAULT FALSE;

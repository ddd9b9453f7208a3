-- A sealed round whose storage scrub (rewriting the survey tables so no pre-seal id, token
-- hash or row version stays in the database's files) has not finished yet. Set by the seal,
-- cleared by the scrub; the server finishes an interrupted scrub when it starts.
ALTER TABLE rounds ADD COLUMN scrub_pending BOOLEAN NOT NULL DEFAULT FALSE;

-- No sampled values of ids or link-token hashes in pg_statistic: ANALYZE (autovacuum's
-- too) would copy some of them there while a round is open, beyond the reach of the seal's
-- scrub. Lookups by these columns go through their unique indexes and need no statistics.
ALTER TABLE responses ALTER COLUMN id SET STATISTICS 0;
ALTER TABLE answers ALTER COLUMN response_id SET STATISTICS 0;
ALTER TABLE invitation_links ALTER COLUMN token_hash SET STATISTICS 0;
ALTER TABLE invitation_links ALTER COLUMN invitation_id SET STATISTICS 0;

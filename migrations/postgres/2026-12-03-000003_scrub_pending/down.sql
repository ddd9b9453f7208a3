DROP PROCEDURE ctopulse_submit;
ALTER TABLE responses ALTER COLUMN id SET STATISTICS -1;
ALTER TABLE answers ALTER COLUMN response_id SET STATISTICS -1;
ALTER TABLE invitation_links ALTER COLUMN token_hash SET STATISTICS -1;
ALTER TABLE invitation_links ALTER COLUMN invitation_id SET STATISTICS -1;
ALTER TABLE rounds DROP COLUMN scrub_pending;

ALTER TABLE rounds DROP COLUMN scrub_pending;

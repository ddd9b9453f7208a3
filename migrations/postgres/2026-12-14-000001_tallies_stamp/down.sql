ALTER TABLE rounds DROP COLUMN tallies_stamp;

-- A closed round's tallies and key drivers change only when they are rewritten (a retally,
-- drivers recomputed), and each rewrite gives the round a new stamp in the same transaction.
-- Readers key what they keep of a round's tallies in memory by (round, stamp): a new stamp
-- is a miss, on every instance.
ALTER TABLE rounds ADD COLUMN tallies_stamp TEXT;
UPDATE rounds SET tallies_stamp = md5(random()::text || clock_timestamp()::text || id)
 WHERE status IN ('closed', 'sealed');

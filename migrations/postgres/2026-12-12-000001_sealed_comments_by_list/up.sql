-- The dashboard reads the first 10 comments of each group × question in the seal's random
-- order, and each list's size. Without this index both scan every comment of the round
-- (tens of thousands at 100,000 people); with it, the sizes are read from the index alone
-- and each sample is ten index entries.
CREATE INDEX sealed_comments_by_list
    ON sealed_comments (round_id, reporting_group, question_key, position);

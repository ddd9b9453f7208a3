-- What the survey pages and a submission read of a round, as an index: the row holds the
-- round's template text (~11 kB, several overflow pages) before its status and close time, so
-- reading those from the row walks the overflow pages, on every link opened and every
-- submission (under writes, each connection's page cache starts cold). From the index, the
-- lookup never touches the row.
CREATE INDEX rounds_survey ON rounds (id, template_hash, status, closes_on, closes_at, k, comment_threshold);

-- Sealed rounds whose raw answers and comments the retention purge removed (tallies stay).
-- Counts only. A round listed here has no answers left to retally from.
CREATE TABLE round_purges (
    round_id TEXT NOT NULL PRIMARY KEY REFERENCES rounds (id),
    purged_at TIMESTAMP NOT NULL,
    responses BIGINT NOT NULL,
    answers BIGINT NOT NULL,
    comments BIGINT NOT NULL
);

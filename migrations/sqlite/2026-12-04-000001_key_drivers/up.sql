-- Key drivers, computed once at seal from the sealed answers (DESIGN "Key drivers").
-- One row per analysis the round's anonymity rules allow; the fit is NULL when too few
-- respondents answered every item. No row for a withheld group.
CREATE TABLE driver_analyses (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    analysis TEXT NOT NULL,
    outcome_key TEXT NOT NULL,
    min_respondents INTEGER NOT NULL,
    respondents BIGINT,
    r_squared DOUBLE,
    r_squared_low DOUBLE,
    r_squared_high DOUBLE,
    PRIMARY KEY (round_id, analysis)
);

-- Each item's Shapley share of R², with its bootstrap interval; position keeps template order.
CREATE TABLE driver_items (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    analysis TEXT NOT NULL,
    position INTEGER NOT NULL,
    question_key TEXT NOT NULL,
    importance DOUBLE NOT NULL,
    importance_low DOUBLE NOT NULL,
    importance_high DOUBLE NOT NULL,
    PRIMARY KEY (round_id, analysis, position)
);

-- The comments of a sealed round, copied at seal time in a random order (position) so the
-- scorecard reads one round's comments by key instead of probing every response's answers.
CREATE TABLE sealed_comments (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    position INTEGER NOT NULL,
    reporting_group TEXT NOT NULL,
    question_key TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
) WITHOUT ROWID;

-- Rounds sealed before this table existed.
INSERT INTO sealed_comments (round_id, position, reporting_group, question_key, text)
SELECT r.round_id,
       ROW_NUMBER() OVER (PARTITION BY r.round_id ORDER BY r.id, a.question_key),
       r.reporting_group, a.question_key, a.text
FROM responses r
JOIN answers a ON a.response_id = r.id
JOIN rounds o ON o.id = r.round_id
WHERE o.status = 'sealed' AND a.text IS NOT NULL;

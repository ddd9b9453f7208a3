-- Each answer names its round, as on PostgreSQL (where answers are partitioned by it), so both
-- backends share one schema. An answer's response still decides its round.
CREATE TABLE answers_by_round (
    response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    value INTEGER,
    not_applicable BOOLEAN NOT NULL,
    text TEXT,
    round_id TEXT NOT NULL,
    PRIMARY KEY (response_id, question_key)
) WITHOUT ROWID;
INSERT INTO answers_by_round (response_id, question_key, value, not_applicable, text, round_id)
SELECT a.response_id, a.question_key, a.value, a.not_applicable, a.text, r.round_id
FROM answers a JOIN responses r ON r.id = a.response_id;
DROP TABLE answers;
ALTER TABLE answers_by_round RENAME TO answers;

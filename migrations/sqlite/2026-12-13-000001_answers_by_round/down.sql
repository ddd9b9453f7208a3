CREATE TABLE answers_unnamed (
    response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    value INTEGER,
    not_applicable BOOLEAN NOT NULL,
    text TEXT,
    PRIMARY KEY (response_id, question_key)
) WITHOUT ROWID;
INSERT INTO answers_unnamed (response_id, question_key, value, not_applicable, text)
SELECT response_id, question_key, value, not_applicable, text FROM answers;
DROP TABLE answers;
ALTER TABLE answers_unnamed RENAME TO answers;

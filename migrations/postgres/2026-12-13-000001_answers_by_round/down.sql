ALTER TABLE answers RENAME TO answers_partitioned;
ALTER TABLE answers_partitioned RENAME CONSTRAINT answers_pkey TO answers_partitioned_pkey;
CREATE TABLE answers (
    response_id TEXT NOT NULL,
    question_key TEXT NOT NULL,
    value INTEGER,
    not_applicable BOOLEAN NOT NULL,
    text TEXT,
    PRIMARY KEY (response_id, question_key)
);
ALTER TABLE answers ALTER COLUMN response_id SET STATISTICS 0;
INSERT INTO answers (response_id, question_key, value, not_applicable, text)
SELECT response_id, question_key, value, not_applicable, text FROM answers_partitioned
ORDER BY round_id, response_id, question_key;
DROP TABLE answers_partitioned;
DROP FUNCTION ctopulse_answers_partition(TEXT);
CREATE OR REPLACE PROCEDURE ctopulse_submit(
    p_token_hash TEXT,
    p_round_id TEXT,
    p_open_status TEXT,
    p_now TIMESTAMP,
    p_response_id TEXT,
    p_keys TEXT[],
    p_values INT4[],
    p_not_applicable BOOL[],
    p_texts TEXT[],
    INOUT p_outcome INT4 DEFAULT NULL,
    INOUT p_error TEXT DEFAULT NULL
)
LANGUAGE plpgsql AS $$
DECLARE
    v_invitation TEXT;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    UPDATE invitations i SET responded = true
    FROM (SELECT invitation_id FROM invitation_links WHERE token_hash = p_token_hash FOR UPDATE) link,
         rounds r
    WHERE i.id = link.invitation_id AND NOT i.responded
      AND r.id = i.round_id AND i.round_id = p_round_id
      AND r.status = p_open_status AND r.closes_at > p_now
    RETURNING i.id INTO v_invitation;
    IF v_invitation IS NULL THEN
        p_outcome := 0;
        RETURN;
    END IF;
    COMMIT;
    BEGIN
        INSERT INTO responses (id, round_id, reporting_group)
        SELECT p_response_id, i.round_id, i.reporting_group
        FROM (SELECT invitation_id FROM invitation_links WHERE token_hash = p_token_hash FOR SHARE) link
        JOIN invitations i ON i.id = link.invitation_id
        JOIN rounds r ON r.id = i.round_id
        WHERE i.responded AND i.round_id = p_round_id
          AND r.status = p_open_status AND r.closes_at > p_now;
        IF NOT FOUND THEN
            p_outcome := 2;
            RETURN;
        END IF;
        INSERT INTO answers (response_id, question_key, value, not_applicable, text)
        SELECT p_response_id, a.question_key, a.value, a.not_applicable, a.text
        FROM unnest(p_keys, p_values, p_not_applicable, p_texts)
             AS a(question_key, value, not_applicable, text);
        p_outcome := 1;
    EXCEPTION WHEN OTHERS THEN
        UPDATE invitations SET responded = false WHERE id = v_invitation;
        p_outcome := 3;
        p_error := SQLERRM;
    END;
END
$$;

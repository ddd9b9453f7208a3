-- Answers partitioned by round (list partitions, one table per round). Sealing a round then
-- writes its answers into a fresh table, in the new order under the fresh ids, and drops the
-- old one: its files are unlinked at commit, instead of 1.2 million rows deleted one by one
-- from a table holding every round's answers (and rewritten again by the scrub's VACUUM FULL).
-- The round is in the key because a partitioned table's key must hold the partition column;
-- an answer's response still decides its round. No foreign key, as for the response (see the
-- `answers_unreferenced` migration): every writer is ctopulse's own.
ALTER TABLE answers RENAME TO answers_unpartitioned;
ALTER TABLE answers_unpartitioned RENAME CONSTRAINT answers_pkey TO answers_unpartitioned_pkey;

CREATE TABLE answers (
    response_id TEXT NOT NULL,
    question_key TEXT NOT NULL,
    value INTEGER,
    not_applicable BOOLEAN NOT NULL,
    text TEXT,
    round_id TEXT NOT NULL,
    PRIMARY KEY (response_id, question_key, round_id)
) PARTITION BY LIST (round_id);
-- No statistics of response ids, in any partition (see the `scrub_pending` migration).
ALTER TABLE answers ALTER COLUMN response_id SET STATISTICS 0;

-- Rows of a round that has no table of its own land here rather than being refused; the seal
-- moves them into the round's table and the scrub rewrites this one.
CREATE TABLE answers_default PARTITION OF answers DEFAULT;
ALTER TABLE answers_default ALTER COLUMN response_id SET STATISTICS 0;

-- The name of a round's answers table, and the table made if it is missing: the one place that
-- spells either. Called when a round is created, and by the seal.
CREATE FUNCTION ctopulse_answers_partition(p_round TEXT) RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
    v_name TEXT;
BEGIN
    IF p_round !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RAISE EXCEPTION 'not a round id: %', p_round;
    END IF;
    v_name := 'answers_' || replace(p_round, '-', '');
    IF to_regclass(v_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF answers FOR VALUES IN (%L)', v_name, p_round);
        EXECUTE format('ALTER TABLE %I ALTER COLUMN response_id SET STATISTICS 0', v_name);
    END IF;
    RETURN v_name;
END
$$;

SELECT ctopulse_answers_partition(id) FROM rounds;

-- Each round's rows in the order of their response ids: a sealed round's is its sealed order.
INSERT INTO answers (response_id, question_key, value, not_applicable, text, round_id)
SELECT a.response_id, a.question_key, a.value, a.not_applicable, a.text, r.round_id
FROM answers_unpartitioned a JOIN responses r ON r.id = a.response_id
ORDER BY r.round_id, a.response_id, a.question_key;

-- Every answer has its response (the code keeps them together; no key checks it here): were
-- one without, stop rather than drop it.
DO $$
BEGIN
    IF (SELECT COUNT(*) FROM answers) <> (SELECT COUNT(*) FROM answers_unpartitioned) THEN
        RAISE EXCEPTION 'answers without a response: % of % rows; nothing was changed',
            (SELECT COUNT(*) FROM answers_unpartitioned) - (SELECT COUNT(*) FROM answers),
            (SELECT COUNT(*) FROM answers_unpartitioned);
    END IF;
END
$$;

DROP TABLE answers_unpartitioned;

-- A submission stores its answers under its round.
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
        INSERT INTO answers (response_id, question_key, value, not_applicable, text, round_id)
        SELECT p_response_id, a.question_key, a.value, a.not_applicable, a.text, p_round_id
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

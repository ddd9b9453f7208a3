-- A sealed round whose storage scrub (rewriting the survey tables so no pre-seal id, token
-- hash or row version stays in the database's files) has not finished yet. Set by the seal,
-- cleared by the scrub; the server finishes an interrupted scrub when it starts.
ALTER TABLE rounds ADD COLUMN scrub_pending BOOLEAN NOT NULL DEFAULT FALSE;

-- No sampled values of ids or link-token hashes in pg_statistic: ANALYZE (autovacuum's
-- too) would copy some of them there while a round is open, beyond the reach of the seal's
-- scrub. Lookups by these columns go through their unique indexes and need no statistics.
ALTER TABLE responses ALTER COLUMN id SET STATISTICS 0;
ALTER TABLE answers ALTER COLUMN response_id SET STATISTICS 0;
ALTER TABLE invitation_links ALTER COLUMN token_hash SET STATISTICS 0;
ALTER TABLE invitation_links ALTER COLUMN invitation_id SET STATISTICS 0;

-- A survey submission, as two transactions run by the server in one call (DESIGN "Anonymity"
-- 5): first the invitation's `responded` flag flips, only if still unanswered and its round
-- still takes answers (what makes an answer count once); then the response and its answers
-- are stored. Two transactions, so the response never shares a transaction id (xmin) with
-- the invitation it answers. One call, so a client that dies after sending it cannot leave
-- the flag set without its response: PostgreSQL runs the procedure to its end.
-- The flip commits without waiting for its WAL flush: the store's commit, later in the same
-- WAL, flushes it, and a flip lost in a crash of the database only lets the person answer again.
-- Both lock the link row, which keeps the seal's order: the seal deletes a round's links
-- before it reads its responses.
-- p_outcome: 0 not flipped (answered, closed or unknown: the caller looks again), 1 stored,
-- 2 the round was sealed or closed between the two (nothing stored), 3 the store failed
-- (nothing stored, the flag cleared again, p_error says why).
CREATE PROCEDURE ctopulse_submit(
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

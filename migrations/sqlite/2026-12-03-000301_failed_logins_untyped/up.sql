-- Failed sign-ins were audited, and counted, under the text typed as email, which may be a
-- password typed into the wrong field. Keep only the account's id (or "unknown account");
-- the client IP of these old entries is dropped with the text around it.
UPDATE audit_log
SET detail = CASE WHEN object_id IS NULL THEN 'unknown account'
                  ELSE 'account ' || object_id END
WHERE action = 'login.failed';

-- The failure counts hold at most a day of typed text; starting them afresh loses nothing.
DELETE FROM login_failures WHERE kind = 'login';

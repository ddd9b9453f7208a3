-- Sign-ins through the identity provider that have started and not yet come back: the
-- SHA-256 of the state sent to the provider and of the browser's short-lived OIDC cookie.
-- A row is deleted when its callback arrives, so a replayed callback finds nothing. The
-- nonce and the PKCE verifier are derived from the cookie and the state, never stored.
CREATE TABLE oidc_logins (
    state_hash TEXT PRIMARY KEY NOT NULL,
    browser_hash TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL
);
CREATE INDEX oidc_logins_started ON oidc_logins (started_at);

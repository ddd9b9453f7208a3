-- ctopulse initial schema (PostgreSQL). Keep column names, types and nullability identical to
-- migrations/sqlite: a test compares the two.

CREATE TABLE departments (
    key TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    csat_weight DOUBLE PRECISION NOT NULL CHECK (csat_weight >= 0),
    sort_order INTEGER NOT NULL
);

CREATE TABLE employees (
    id TEXT NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    locale TEXT NOT NULL,
    is_engineer BOOLEAN NOT NULL,
    is_executive BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX employees_department ON employees (department, active);

CREATE TABLE rounds (
    id TEXT NOT NULL PRIMARY KEY,
    template_key TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    template_content TEXT NOT NULL,
    template_hash TEXT NOT NULL,
    quarter TEXT NOT NULL,
    audience TEXT NOT NULL,
    status TEXT NOT NULL,
    opens_on DATE,
    closes_on DATE NOT NULL,
    closes_at TIMESTAMP NOT NULL,
    k INTEGER NOT NULL,
    comment_threshold INTEGER NOT NULL,
    reporting_groups TEXT NOT NULL,
    weights TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    launched_at TIMESTAMP,
    closed_at TIMESTAMP,
    sealed_at TIMESTAMP,
    UNIQUE (template_key, quarter)
);
CREATE INDEX rounds_quarter ON rounds (quarter);
CREATE INDEX rounds_status ON rounds (status, closes_at);

CREATE TABLE invitations (
    id TEXT NOT NULL PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds (id),
    employee_id TEXT NOT NULL REFERENCES employees (id),
    reporting_group TEXT NOT NULL,
    responded BOOLEAN NOT NULL,
    undeliverable BOOLEAN NOT NULL,
    undeliverable_reason TEXT,
    emails_sent INTEGER NOT NULL,
    UNIQUE (round_id, employee_id)
);
CREATE INDEX invitations_round_group ON invitations (round_id, reporting_group, responded);
CREATE INDEX invitations_employee ON invitations (employee_id);

CREATE TABLE invitation_links (
    token_hash TEXT NOT NULL PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    round_id TEXT NOT NULL REFERENCES rounds (id)
);
CREATE INDEX invitation_links_round ON invitation_links (round_id);
CREATE INDEX invitation_links_invitation ON invitation_links (invitation_id);

-- Random ids: storage order must not follow submission order.
CREATE TABLE responses (
    id TEXT NOT NULL PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds (id),
    reporting_group TEXT NOT NULL
);
CREATE INDEX responses_round ON responses (round_id, reporting_group);

CREATE TABLE answers (
    response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    value INTEGER,
    not_applicable BOOLEAN NOT NULL,
    text TEXT,
    PRIMARY KEY (response_id, question_key)
);

CREATE TABLE tallies (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    reporting_group TEXT NOT NULL,
    question_key TEXT NOT NULL,
    value INTEGER NOT NULL,
    not_applicable BOOLEAN NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (round_id, reporting_group, question_key, value, not_applicable)
);

-- Participation per reporting group, frozen at seal: delivered invitations (N) and responses (n).
CREATE TABLE group_tallies (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    reporting_group TEXT NOT NULL,
    delivered BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (round_id, reporting_group)
);

CREATE TABLE index_tallies (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    reporting_group TEXT NOT NULL,
    index_kind TEXT NOT NULL,
    a_sum INTEGER NOT NULL,
    a_count INTEGER NOT NULL,
    b_sum INTEGER NOT NULL,
    b_count INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (round_id, reporting_group, index_kind, a_sum, a_count, b_sum, b_count)
);

CREATE TABLE outbox (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    round_id TEXT REFERENCES rounds (id),
    invitation_id TEXT REFERENCES invitations (id),
    locale TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    claim_owner TEXT,
    lease_expires_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_round ON outbox (round_id, status);
CREATE INDEX outbox_invitation ON outbox (invitation_id);

CREATE TABLE hr_events (
    id TEXT NOT NULL PRIMARY KEY,
    event_date DATE NOT NULL,
    event TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    regretted BOOLEAN NOT NULL,
    top_talent BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (event_date, event, regretted, top_talent)
);

CREATE TABLE inflection_points (
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT,
    first_seen_quarter TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE inflection_assessments (
    id TEXT NOT NULL PRIMARY KEY,
    point_id TEXT NOT NULL REFERENCES inflection_points (id),
    quarter TEXT NOT NULL,
    assessment TEXT NOT NULL,
    cto_note TEXT,
    proposed_by TEXT,
    proposed_at TIMESTAMP NOT NULL,
    board_state TEXT NOT NULL,
    board_note TEXT,
    reviewed_by TEXT,
    reviewed_at TIMESTAMP,
    UNIQUE (point_id, quarter)
);
CREATE INDEX inflection_assessments_quarter ON inflection_assessments (quarter);

CREATE TABLE commentaries (
    quarter TEXT NOT NULL PRIMARY KEY,
    body TEXT NOT NULL,
    author TEXT,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    csrf_secret TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE TABLE login_failures (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    account TEXT,
    client_ip TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_ip ON login_failures (kind, client_ip, failed_at);
CREATE INDEX login_failures_account ON login_failures (kind, account, client_ip, failed_at);

CREATE TABLE audit_log (
    id TEXT NOT NULL PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_object ON audit_log (object_type, at);

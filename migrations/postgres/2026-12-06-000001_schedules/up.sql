-- Reminders are safe: when each invitation was last reminded (cleared when the round is
-- sealed, so no timing outlives the round), and each reminder wave, whoever triggered it.
ALTER TABLE invitations ADD COLUMN last_reminded_at TIMESTAMP;

CREATE TABLE reminder_waves (
    id TEXT NOT NULL PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    queued_at TIMESTAMP NOT NULL,
    trigger TEXT NOT NULL,
    actor TEXT NOT NULL,
    reminders INTEGER NOT NULL,
    reinvites INTEGER NOT NULL,
    held_back INTEGER NOT NULL
);

CREATE INDEX reminder_waves_by_round ON reminder_waves (round_id, queued_at);

-- A survey's quarterly schedule: launch day within the quarter, days open, reminder days
-- after launch (comma-separated), reporting-group merges (JSON list of lists of keys).
CREATE TABLE schedules (
    template_key TEXT NOT NULL PRIMARY KEY,
    launch_day INTEGER NOT NULL,
    days_open INTEGER NOT NULL,
    reminder_days TEXT NOT NULL,
    merges TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Each scheduled step of a quarter, claimed like an outbox row (owner + lease) so that with
-- several instances it happens once, and marked done with what it did.
CREATE TABLE schedule_steps (
    template_key TEXT NOT NULL,
    quarter TEXT NOT NULL,
    step TEXT NOT NULL,
    claim_owner TEXT,
    lease_expires_at TIMESTAMP,
    done_at TIMESTAMP,
    outcome TEXT,
    PRIMARY KEY (template_key, quarter, step)
);

-- Action plans: what the CTO will do about a sealed round's figures. `link` is the typed
-- link (JSON: a measure, a group, an item or a key driver of that round); texts are per
-- language, the company's default language always present.
CREATE TABLE actions (
    id TEXT NOT NULL PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds (id),
    quarter TEXT NOT NULL,
    link TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_quarter TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX actions_by_round ON actions (round_id);

CREATE TABLE action_texts (
    action_id TEXT NOT NULL REFERENCES actions (id),
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (action_id, locale)
);

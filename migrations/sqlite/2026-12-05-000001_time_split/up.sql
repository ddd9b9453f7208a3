-- Where the CTO's time goes (issue 19, docs/methodology.md "Time split").
-- Only what classification needs: start, end, category and the rule that chose it. No
-- attendee address ever; the title only when time_split.keep_titles is on.
CREATE TABLE time_entries (
    id TEXT NOT NULL PRIMARY KEY,
    event_key TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    all_day BOOLEAN NOT NULL,
    category TEXT NOT NULL,
    rule TEXT NOT NULL,
    title TEXT,
    imported_at TIMESTAMP NOT NULL
);
CREATE INDEX time_entries_starts_at ON time_entries (starts_at);
CREATE INDEX time_entries_event_key ON time_entries (event_key);

-- The CTO's per-event corrections, by event key, so they survive re-imports.
CREATE TABLE time_overrides (
    event_key TEXT NOT NULL PRIMARY KEY,
    category TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TIMESTAMP NOT NULL
);

-- Hours entered by hand for weeks without a calendar; week_start is a Monday.
CREATE TABLE time_manual_hours (
    week_start DATE NOT NULL,
    category TEXT NOT NULL,
    hours DOUBLE NOT NULL,
    set_by TEXT NOT NULL,
    set_at TIMESTAMP NOT NULL,
    PRIMARY KEY (week_start, category)
);

-- Classification rules, applied in position order within a kind (precedence between kinds:
-- calendar category, attendee domain, title keyword).
CREATE TABLE time_rules (
    id TEXT NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    pattern TEXT NOT NULL,
    category TEXT NOT NULL,
    UNIQUE (kind, pattern)
);

-- Starting keywords (src/domain/time_split/classify.rs default_rules); the CTO edits them.
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-01', 1, 'keyword', 'customer', 'sales');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-02', 2, 'keyword', 'prospect', 'sales');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-03', 3, 'keyword', 'sales', 'sales');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-04', 4, 'keyword', 'deal review', 'sales');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-05', 5, 'keyword', 'qbr', 'sales');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-06', 6, 'keyword', 'webinar', 'marketing');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-07', 7, 'keyword', 'keynote', 'marketing');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-08', 8, 'keyword', 'conference', 'marketing');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-09', 9, 'keyword', 'analyst', 'marketing');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-10', 10, 'keyword', 'press', 'marketing');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-11', 11, 'keyword', 'podcast', 'marketing');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-12', 12, 'keyword', 'partner', 'bd');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-13', 13, 'keyword', 'alliance', 'bd');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-14', 14, 'keyword', 'board', 'internal_executive');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-15', 15, 'keyword', 'exec', 'internal_executive');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-16', 16, 'keyword', 'leadership', 'internal_executive');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-17', 17, 'keyword', 'ceo', 'internal_executive');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-18', 18, 'keyword', 'standup', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-19', 19, 'keyword', 'sprint', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-20', 20, 'keyword', 'architecture', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-21', 21, 'keyword', 'design review', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-22', 22, 'keyword', 'roadmap', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-23', 23, 'keyword', '1:1', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-24', 24, 'keyword', 'all hands', 'internal_engineering');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-25', 25, 'keyword', 'lunch', 'not_work');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-26', 26, 'keyword', 'dentist', 'not_work');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-27', 27, 'keyword', 'doctor', 'not_work');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-28', 28, 'keyword', 'vacation', 'not_work');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-29', 29, 'keyword', 'out of office', 'not_work');
INSERT INTO time_rules (id, position, kind, pattern, category) VALUES ('default-30', 30, 'keyword', 'ooo', 'not_work');

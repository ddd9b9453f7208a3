DROP TABLE time_rules;
DROP TABLE time_manual_hours;
DROP TABLE time_overrides;
DROP TABLE time_entries;

-- A staff member's display name (the first admin gives one at set-up); optional.
ALTER TABLE users ADD COLUMN name TEXT;

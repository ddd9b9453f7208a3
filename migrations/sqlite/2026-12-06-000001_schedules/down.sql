DROP TABLE schedule_steps;
DROP TABLE schedules;
DROP TABLE reminder_waves;
ALTER TABLE invitations DROP COLUMN last_reminded_at;

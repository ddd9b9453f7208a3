-- The typed text removed by up.sql is not restored.
SELECT 1;

DROP INDEX employees_user_name;
ALTER TABLE employees DROP COLUMN scim_deleted_at;
ALTER TABLE employees DROP COLUMN name_formatted;
ALTER TABLE employees DROP COLUMN external_id;
ALTER TABLE employees DROP COLUMN user_name;

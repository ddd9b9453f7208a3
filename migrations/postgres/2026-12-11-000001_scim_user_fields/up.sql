-- SCIM keeps a userName of its own (an identity provider's login name, not always the
-- address), the provider's externalId, the name.formatted it sent, and when the person was
-- deleted through SCIM: a deleted person is gone for SCIM (404, not listed, userName free)
-- but the row stays, as for anyone who leaves the roster.
ALTER TABLE employees ADD COLUMN user_name TEXT;
ALTER TABLE employees ADD COLUMN external_id TEXT;
ALTER TABLE employees ADD COLUMN name_formatted TEXT;
ALTER TABLE employees ADD COLUMN scim_deleted_at TIMESTAMP;
CREATE UNIQUE INDEX employees_user_name ON employees (lower(user_name))
    WHERE scim_deleted_at IS NULL;

-- What an API token may be used for: 'api' (the JSON API) or 'scim' (roster provisioning).
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'api';

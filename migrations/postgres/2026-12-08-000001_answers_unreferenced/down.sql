ALTER TABLE answers ADD CONSTRAINT answers_response_id_fkey
    FOREIGN KEY (response_id) REFERENCES responses (id) ON DELETE CASCADE;

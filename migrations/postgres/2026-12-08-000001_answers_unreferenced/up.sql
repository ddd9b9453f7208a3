-- An answer's response is not checked by a foreign key on PostgreSQL. Its check is a trigger
-- running a query per answer row: half of sealing a 100,000-respondent round (1.2 million
-- answers rewritten, and a cascade probe per deleted response), and 12 queries per survey
-- submission. Every write of answers is ctopulse's own and keeps the link: a submission stores
-- the response and its answers in one transaction, the seal inserts the new responses before
-- their answers and deletes old answers before their responses (and checks the counts), a
-- purge deletes a round's answers before its responses. SQLite keeps its foreign key: there
-- the check is an in-process index probe.
ALTER TABLE answers DROP CONSTRAINT answers_response_id_fkey;

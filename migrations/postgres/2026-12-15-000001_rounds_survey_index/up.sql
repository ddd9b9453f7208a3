-- SQLite reads a round's status and close time past its template text (see the SQLite
-- migration of this name). PostgreSQL keeps that text out of line (TOAST) and never reads it
-- for the other columns: nothing to do here; the migration keeps both backends' lists alike.
SELECT 1;

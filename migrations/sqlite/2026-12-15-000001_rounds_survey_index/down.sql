DROP INDEX rounds_survey;

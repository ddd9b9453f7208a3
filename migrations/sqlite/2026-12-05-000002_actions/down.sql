DROP TABLE action_texts;
DROP TABLE actions;

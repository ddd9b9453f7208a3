DROP TABLE sealed_comments;

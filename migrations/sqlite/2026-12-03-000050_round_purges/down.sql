DROP TABLE round_purges;

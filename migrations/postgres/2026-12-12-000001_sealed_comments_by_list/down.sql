DROP INDEX sealed_comments_by_list;

DROP TABLE driver_items;
DROP TABLE driver_analyses;

-- Runs once, on first start of an empty postgres volume (docker-entrypoint-initdb.d).
-- POSTGRES_DB already created `wirestream`; add the test database next to it.
CREATE DATABASE wirestream_test;

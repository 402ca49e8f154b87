-- The counter's migrations are written once for H2 (the embedded default) and PostgreSQL (production). PostgreSQL
-- has no CLOB type; its TEXT is the same thing (unbounded character data), so CLOB is declared as a domain over it.
CREATE DOMAIN clob AS text;

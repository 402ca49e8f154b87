-- Issue 14 item 6: a Wildcard case records how many additional servers the subscriber pays for.
ALTER TABLE renewal_case ADD COLUMN additional_servers INT DEFAULT 0 NOT NULL;

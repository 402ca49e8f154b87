-- Several instances of the counter service share one database (PostgreSQL in production).
-- Which instance a terminal is connected to right now (NULL when none); its device jobs wait in device_job (the
-- outbox) and the instance holding the connection delivers them.
ALTER TABLE terminal ADD COLUMN connected_instance VARCHAR(120);

-- A scheduled job runs once per day across all instances: the instance that inserts the row runs it.
CREATE TABLE scheduled_run (
    job        VARCHAR(64)  NOT NULL,
    run_date   DATE         NOT NULL,
    instance   VARCHAR(120) NOT NULL,
    started_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (job, run_date)
);

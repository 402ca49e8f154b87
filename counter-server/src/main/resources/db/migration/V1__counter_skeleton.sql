-- Staff accounts for Jakarta Security's database identity store. Passwords are PBKDF2 hashes, never clear text.
CREATE TABLE staff (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(128) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    office_code   VARCHAR(32)  NOT NULL,
    counter_code  VARCHAR(32),
    active        BOOLEAN      NOT NULL
);

CREATE TABLE staff_role (
    username VARCHAR(64) NOT NULL REFERENCES staff (username),
    role     VARCHAR(32) NOT NULL,
    PRIMARY KEY (username, role)
);

-- Counter PCs. A terminal is enrolled by a supervisor with a one-time code; from then on it proves itself with
-- the key pair whose public half is stored here.
CREATE TABLE terminal (
    terminal_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    office_code          VARCHAR(32)   NOT NULL,
    counter_code         VARCHAR(32)   NOT NULL,
    public_key           VARCHAR(1024),
    enrolment_code_hash  VARCHAR(128),
    enrolment_expires_at TIMESTAMP,
    enrolled_at          TIMESTAMP,
    enrolled_by          VARCHAR(64),
    revoked              BOOLEAN       NOT NULL,
    last_seen            TIMESTAMP,
    health_json          VARCHAR(4000),
    version              BIGINT        NOT NULL
);

-- Device jobs: the id is chosen before the job is first sent; the outcome is recorded once.
CREATE TABLE device_job (
    job_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    terminal_id   VARCHAR(64)  NOT NULL REFERENCES terminal (terminal_id),
    kind          VARCHAR(32)  NOT NULL,
    summary       VARCHAR(256) NOT NULL,
    payload       CLOB         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    requested_by  VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    expires_at    TIMESTAMP    NOT NULL,
    sent_at       TIMESTAMP,
    completed_at  TIMESTAMP,
    reason        VARCHAR(64),
    detail        VARCHAR(512),
    evidence_text CLOB,
    evidence_png  CLOB,
    version       BIGINT       NOT NULL
);

CREATE INDEX device_job_terminal_status ON device_job (terminal_id, status);

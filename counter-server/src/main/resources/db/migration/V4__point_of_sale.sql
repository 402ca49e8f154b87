-- Point of sale. These tables hold state and guard against repeats; every money figure comes from the journal.

-- One till session per counter and clerk. open_counter is the counter's code while the till is open and NULL after:
-- its unique index lets a counter have one open till at a time (NULLs do not collide in H2 or PostgreSQL).
CREATE TABLE till_session (
    till_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    office_code        VARCHAR(32)  NOT NULL,
    counter_code       VARCHAR(32)  NOT NULL,
    journal_counter    VARCHAR(32)  NOT NULL,
    clerk              VARCHAR(64)  NOT NULL,
    business_date      DATE         NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    open_counter       VARCHAR(32),
    opened_at          TIMESTAMP    NOT NULL,
    closed_at          TIMESTAMP,
    CONSTRAINT till_session_one_open UNIQUE (open_counter)
);
CREATE INDEX till_session_office_day ON till_session (office_code, business_date);

-- A sale, keyed by the payment id the screen chose before its first submit: a repeat finds this row and gets the
-- first outcome back. request_digest tells a true repeat from a different request that reuses the id.
CREATE TABLE sale (
    payment_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    transaction_no  VARCHAR(48)   NOT NULL UNIQUE,
    till_id         VARCHAR(64)   NOT NULL REFERENCES till_session (till_id),
    office_code     VARCHAR(32)   NOT NULL,
    request_digest  VARCHAR(64)   NOT NULL,
    total_cents     BIGINT        NOT NULL,
    change_cents    BIGINT        NOT NULL,
    journal_counter VARCHAR(32)   NOT NULL,
    journal_seq     BIGINT        NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL
);

-- A void or refund; one per sale (the unique sale id). reversal_id is chosen by the screen, like a payment id.
CREATE TABLE sale_reversal (
    reversal_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    payment_id      VARCHAR(64)   NOT NULL UNIQUE REFERENCES sale (payment_id),
    kind            VARCHAR(8)    NOT NULL,
    transaction_no  VARCHAR(48)   NOT NULL UNIQUE,
    till_id         VARCHAR(64)   NOT NULL REFERENCES till_session (till_id),
    request_digest  VARCHAR(64)   NOT NULL,
    journal_counter VARCHAR(32)   NOT NULL,
    journal_seq     BIGINT        NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL
);

-- Drops, pickups and other till events with a screen-chosen id, so a repeat is recognised.
CREATE TABLE till_request (
    request_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    till_id         VARCHAR(64)   NOT NULL,
    request_digest  VARCHAR(64)   NOT NULL,
    journal_counter VARCHAR(32)   NOT NULL,
    journal_seq     BIGINT        NOT NULL
);

-- Corrections: proposed by one person, approved by a second; only the approval writes the compensating entry.
CREATE TABLE journal_correction (
    correction_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    till_id         VARCHAR(64)   NOT NULL REFERENCES till_session (till_id),
    tender          VARCHAR(16)   NOT NULL,
    amount_cents    BIGINT        NOT NULL,
    reason          VARCHAR(512)  NOT NULL,
    evidence        VARCHAR(512)  NOT NULL,
    proposed_by     VARCHAR(64)   NOT NULL,
    proposed_at     TIMESTAMP     NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMP
);

-- An office's day close: one row per office and business day (its key makes closing twice impossible), with the Z
-- report as it was produced.
CREATE TABLE office_day (
    office_code     VARCHAR(32)   NOT NULL,
    business_date   DATE          NOT NULL,
    closed_at       TIMESTAMP     NOT NULL,
    closed_by       VARCHAR(64)   NOT NULL,
    report_csv      CLOB          NOT NULL,
    report_pdf_b64  CLOB          NOT NULL,
    PRIMARY KEY (office_code, business_date)
);

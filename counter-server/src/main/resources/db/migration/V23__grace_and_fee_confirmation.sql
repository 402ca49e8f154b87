-- Issue 29: why a certificate is suspended (a lapsed subscription may be reinstated by paying within HKPCA's grace
-- period), and a supervisor's approval to reinstate one after it, with the reason, for the day it was given.
ALTER TABLE subscriber_certificate ADD COLUMN suspended_for VARCHAR(32);
CREATE TABLE reinstatement_approval (
    serial_hex  VARCHAR(64)  NOT NULL,
    approved_on DATE         NOT NULL,
    approved_by VARCHAR(64)  NOT NULL,
    clerk       VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    approved_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (serial_hex, approved_on)
);

-- Issue 29: a published fee is charged only once an administrator has confirmed its figure against its source; a
-- confirmation names the rate exactly (item, term, start, amount), so a changed figure needs a new one.
CREATE TABLE fee_confirmation (
    item_code      VARCHAR(64) NOT NULL,
    years          INT         NOT NULL,
    effective_from DATE        NOT NULL,
    cents          BIGINT      NOT NULL,
    confirmed_by   VARCHAR(64) NOT NULL,
    confirmed_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (item_code, years, effective_from, cents)
);

-- One checkout (issue 28): an extension whose money went back (a void or refund) is recorded as taken back, beside
-- the extension it undoes; the subscription end moved back in the same transaction.
CREATE TABLE subscription_extension_reversal (
    payment_id    VARCHAR(64)   NOT NULL,
    serial_hex    VARCHAR(40)   NOT NULL,
    reversed_by   VARCHAR(64)   NOT NULL,
    reversed_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (payment_id, serial_hex)
);

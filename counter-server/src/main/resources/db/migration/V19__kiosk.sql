-- Issue 17: the self-service kiosk. A kiosk is a terminal of its own kind, enrolled like a counter PC, with a counter
-- code of its own (its till and journal chain); its screens are bound to it by a one-time ticket its agent asks for.
ALTER TABLE terminal ADD COLUMN kind VARCHAR(8) DEFAULT 'COUNTER' NOT NULL;

-- A one-time ticket that binds a browser on the kiosk PC to the kiosk (redeemed once, within a minute).
CREATE TABLE kiosk_ticket (
    ticket_hash   VARCHAR(64) PRIMARY KEY,
    terminal_id   VARCHAR(40) NOT NULL,
    expires_at    TIMESTAMP   NOT NULL,
    redeemed_at   TIMESTAMP
);

-- Every certificate check at a kiosk (for the rate limits per kiosk and per SRN); no HKID is kept.
CREATE TABLE kiosk_check (
    check_id      VARCHAR(36) PRIMARY KEY,
    terminal_id   VARCHAR(40) NOT NULL,
    srn           VARCHAR(40) NOT NULL,
    checked_at    TIMESTAMP   NOT NULL,
    matched       BOOLEAN     NOT NULL
);
CREATE INDEX kiosk_check_kiosk ON kiosk_check (terminal_id, checked_at);
CREATE INDEX kiosk_check_srn ON kiosk_check (srn, checked_at);

-- An EPS payment at a kiosk for a subscription extension: its id chosen by the screen before the first send, its
-- outcome as the payment device said it (an unknown outcome is resolved by a status enquiry before anything else).
CREATE TABLE kiosk_payment (
    payment_id     VARCHAR(40) PRIMARY KEY,
    terminal_id    VARCHAR(40) NOT NULL,
    serial_hex     VARCHAR(64) NOT NULL,
    srn            VARCHAR(40) NOT NULL,
    years          INT         NOT NULL,
    amount_cents   BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    approval_code  VARCHAR(40),
    detail         VARCHAR(200),
    enquiries      INT         DEFAULT 0 NOT NULL,
    receipt_lang   VARCHAR(2)  NOT NULL,
    created_at     TIMESTAMP   NOT NULL,
    updated_at     TIMESTAMP   NOT NULL,
    version        BIGINT      DEFAULT 0 NOT NULL
);

-- A renewal a customer prepared at a kiosk (their certificate checked there): what they chose and typed, and the
-- queue ticket they took. At the counter the clerk calls the ticket and the case opens with it (identity is still
-- checked face to face).
CREATE TABLE prepared_renewal (
    ticket_key     VARCHAR(40) PRIMARY KEY,
    ticket_number  VARCHAR(8)  NOT NULL,
    office_code    VARCHAR(16) NOT NULL,
    ticket_day     DATE        NOT NULL,
    terminal_id    VARCHAR(40) NOT NULL,
    serial_hex     VARCHAR(64) NOT NULL,
    srn            VARCHAR(40) NOT NULL,
    variant_code   VARCHAR(40) NOT NULL,
    years          INT         NOT NULL,
    values_json    CLOB        NOT NULL,
    status         VARCHAR(12) NOT NULL,
    case_ref       VARCHAR(40),
    created_at     TIMESTAMP   NOT NULL,
    called_by      VARCHAR(64),
    called_at      TIMESTAMP,
    version        BIGINT      DEFAULT 0 NOT NULL
);
CREATE UNIQUE INDEX prepared_renewal_number ON prepared_renewal (office_code, ticket_day, ticket_number);

-- The day's EPS settlement of a kiosk's payment device (as the device reported its batch), for the office's Z report.
CREATE TABLE eps_settlement (
    batch_id       VARCHAR(60) PRIMARY KEY,
    terminal_id    VARCHAR(40) NOT NULL,
    office_code    VARCHAR(16) NOT NULL,
    settle_day     DATE        NOT NULL,
    sales          INT         NOT NULL,
    total_cents    BIGINT      NOT NULL,
    payment_ids    CLOB        NOT NULL,
    settled_at     TIMESTAMP   NOT NULL
);

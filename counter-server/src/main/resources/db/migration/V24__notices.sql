-- Issue 30: reaching the customer. A subscriber's contact for notices; the outbox of notices, each written in the
-- transaction of the event that causes it (its id is derived from kind, event and recipient: one notice, sent at most
-- once); and the AR's one-time links to upload a Server CSR (only a digest of each link's secret is kept).
CREATE TABLE subscriber_contact (
    srn        VARCHAR(32)  PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    language   VARCHAR(8)   NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);
CREATE TABLE notice_outbox (
    notice_id       VARCHAR(64)    PRIMARY KEY,
    kind            VARCHAR(32)    NOT NULL,
    event_key       VARCHAR(200)   NOT NULL,
    recipient       VARCHAR(254)   NOT NULL,
    subject         VARCHAR(500)   NOT NULL,
    text_body       VARCHAR(20000) NOT NULL,
    html_body       VARCHAR(40000) NOT NULL,
    attachment_name VARCHAR(100),
    attachment_type VARCHAR(100),
    attachment      VARCHAR(20000),
    case_ref        VARCHAR(64),
    state           VARCHAR(16)    NOT NULL,
    attempts        INT            NOT NULL,
    created_at      TIMESTAMP      NOT NULL,
    next_attempt_at TIMESTAMP      NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_until   TIMESTAMP,
    sent_at         TIMESTAMP,
    last_error      VARCHAR(1000)
);
CREATE INDEX notice_outbox_due ON notice_outbox (state, next_attempt_at);
CREATE TABLE csr_upload_link (
    token_hash VARCHAR(64) PRIMARY KEY,
    case_ref   VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP
);

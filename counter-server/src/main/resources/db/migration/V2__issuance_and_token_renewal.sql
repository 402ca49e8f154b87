-- Certificates issued by the certificate-authority gateway (embedded TEST CA by default), for revocation and CRLs.
CREATE TABLE issued_certificate (
    serial_hex     VARCHAR(64)   NOT NULL PRIMARY KEY,
    issuing_ca     VARCHAR(32)   NOT NULL,
    subject_dn     VARCHAR(512)  NOT NULL,
    profile        VARCHAR(32)   NOT NULL,
    not_before     TIMESTAMP     NOT NULL,
    not_after      TIMESTAMP     NOT NULL,
    der            CLOB          NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    revoked_at     TIMESTAMP,
    revocation_reason VARCHAR(32),
    version        BIGINT        NOT NULL
);
CREATE INDEX issued_certificate_ca_status ON issued_certificate (issuing_ca, status);

-- The token renewal saga: key on the medium, CSR, issuance, write, verification — each step recorded.
CREATE TABLE token_renewal (
    renewal_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    terminal_id    VARCHAR(64)   NOT NULL REFERENCES terminal (terminal_id),
    clerk          VARCHAR(64)   NOT NULL,
    type_code      VARCHAR(32)   NOT NULL,
    variant_code   VARCHAR(32)   NOT NULL,
    validity_years INT           NOT NULL,
    subject_dn     VARCHAR(512)  NOT NULL,
    token_profile  VARCHAR(32)   NOT NULL,
    token_label    VARCHAR(64),
    key_id         VARCHAR(128)  NOT NULL,
    state          VARCHAR(24)   NOT NULL,
    current_job_id VARCHAR(96),
    write_attempts INT           NOT NULL,
    csr_der        CLOB,
    serial_hex     VARCHAR(64),
    certificate_der CLOB,
    failure_reason VARCHAR(64),
    failure_detail VARCHAR(512),
    history        VARCHAR(4000) NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    updated_at     TIMESTAMP     NOT NULL,
    version        BIGINT        NOT NULL
);

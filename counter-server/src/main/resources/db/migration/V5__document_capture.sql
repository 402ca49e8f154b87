-- Document capture for a case: the forms and supporting documents the customer brings, scanned at the counter.

-- A case's capture: which forms it needs (rendered pre-filled, with the values known at the counter) and which
-- supporting documents (the catalogue's checklist). submitted_at is set once; after it nothing of the case changes.
CREATE TABLE capture_case (
    case_ref       VARCHAR(48)   NOT NULL PRIMARY KEY,
    type_code      VARCHAR(48)   NOT NULL,
    variant_code   VARCHAR(48)   NOT NULL,
    forms          VARCHAR(256)  NOT NULL,
    form_pages     VARCHAR(256)  NOT NULL,
    documents      VARCHAR(512)  NOT NULL,
    form_values    VARCHAR(4000) NOT NULL,
    opened_by      VARCHAR(64)   NOT NULL,
    opened_at      TIMESTAMP     NOT NULL,
    submitted_at   TIMESTAMP,
    submitted_by   VARCHAR(64)
);

-- Each page as the terminal uploaded it (PNG, lossless) with its SHA-256 as signed by the terminal. A page is
-- identified by its QR (form and page) or labelled by the clerk as a supporting document; a re-scan replaces it.
CREATE TABLE scanned_page (
    page_id        VARCHAR(96)   NOT NULL PRIMARY KEY,
    case_ref       VARCHAR(48)   NOT NULL REFERENCES capture_case (case_ref),
    job_id         VARCHAR(64)   NOT NULL,
    seq            INT           NOT NULL,
    dpi            INT           NOT NULL,
    scan_mode      VARCHAR(16)   NOT NULL,
    png_b64        CLOB          NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    width          INT           NOT NULL,
    height         INT           NOT NULL,
    form_number    VARCHAR(32),
    form_page      INT,
    label          VARCHAR(64),
    status         VARCHAR(16)   NOT NULL,
    received_at    TIMESTAMP     NOT NULL
);
CREATE INDEX scanned_page_case ON scanned_page (case_ref, status);

-- The archived documents of a submitted case: one PDF each, validated, with its SHA-256. Written once.
CREATE TABLE case_document (
    case_ref       VARCHAR(48)   NOT NULL REFERENCES capture_case (case_ref),
    doc_key        VARCHAR(64)   NOT NULL,
    pdf_b64        CLOB          NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    bytes          BIGINT        NOT NULL,
    pages          INT           NOT NULL,
    stored_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (case_ref, doc_key)
);

-- Fees that HKPCA has not published (catalogue: "a setting until published"), entered by an administrator and
-- approved by a second person. Rows are never changed: a later entry with a later start date supersedes.
CREATE TABLE fee_setting (
    setting_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    item_code      VARCHAR(64)   NOT NULL,
    years          INT,
    effective_from DATE          NOT NULL,
    cents          BIGINT        NOT NULL CHECK (cents > 0),
    source         VARCHAR(400)  NOT NULL,
    entered_by     VARCHAR(64)   NOT NULL,
    approved_by    VARCHAR(64)   NOT NULL,
    entered_at     TIMESTAMP     NOT NULL,
    CHECK (entered_by <> approved_by)
);
CREATE UNIQUE INDEX fee_setting_once ON fee_setting (item_code, years, effective_from);

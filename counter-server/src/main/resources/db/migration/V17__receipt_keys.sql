-- Issue 18: the receipt keys (Ed25519) that sign every receipt's QR statement. The private halves are files in the
-- server's key directory; here the published halves, which one signs now, and when each was retired (a retired key
-- no longer signs but still verifies what it signed).
CREATE TABLE receipt_key (
    key_id      VARCHAR(12)  NOT NULL PRIMARY KEY,
    seq         INT          NOT NULL UNIQUE,
    public_key  VARCHAR(200) NOT NULL,
    status      VARCHAR(8)   NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    retired_at  TIMESTAMP
);

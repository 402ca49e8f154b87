-- A certificate issued on the subscriber's behalf for registered mail: the key pair and certificate as a PKCS#12
-- file for the medium, encrypted under a PIN that is shown once to the approving officer for the PIN envelope and
-- never stored. The file is useless without the PIN, which travels separately.
CREATE TABLE dispatch_medium (
    ref            VARCHAR(48)  NOT NULL PRIMARY KEY,
    serial_hex     VARCHAR(64)  NOT NULL,
    p12_b64        CLOB         NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    downloaded_by  VARCHAR(64),
    downloaded_at  TIMESTAMP
);

-- Issue 20: each issuing CA's CRL number (RFC 5280 5.2.3), kept so it only grows, across restarts and instances.
CREATE TABLE ca_crl_number (
    issuing_ca  VARCHAR(16) PRIMARY KEY,
    last_number BIGINT NOT NULL
);
INSERT INTO ca_crl_number (issuing_ca, last_number) VALUES ('2-17', 0);
INSERT INTO ca_crl_number (issuing_ca, last_number) VALUES ('2-15', 0);
INSERT INTO ca_crl_number (issuing_ca, last_number) VALUES ('server', 0);

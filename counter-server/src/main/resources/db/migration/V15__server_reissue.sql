-- Issue 14 item 3: a renewal case is a renewal (a new term, paid) or an e-Cert (Server) re-issue within the paid
-- subscription (a new CSR for the same approved names, no fee).
ALTER TABLE renewal_case ADD COLUMN kind VARCHAR(16) DEFAULT 'RENEWAL' NOT NULL;

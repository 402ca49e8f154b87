-- Issue 31: a receipt key may be declared compromised from a time; nothing it signed from then verifies as genuine.
ALTER TABLE receipt_key ADD COLUMN compromised_from TIMESTAMP;

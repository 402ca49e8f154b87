-- Issue 33: the form a customer prepared at the kiosk is read back to them at the counter, and who did it is kept.
ALTER TABLE prepared_renewal ADD COLUMN form_checked_by VARCHAR(64);
ALTER TABLE prepared_renewal ADD COLUMN form_checked_at TIMESTAMP;

-- Issue 16: the language the customer reads, chosen at payment and remembered on the case (the receipt and the
-- "what happens next" slip are printed in it, whatever language the clerk's screen is in).
ALTER TABLE renewal_case ADD COLUMN customer_language VARCHAR(2);

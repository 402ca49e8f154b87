-- Rule 8: the Personal subscriber's date of birth, to match against the HKID card and the form. Kept as a keyed
-- digest only (like the HKID): the registry can confirm a date, not tell it.
ALTER TABLE subscriber_certificate ADD COLUMN dob_digest VARCHAR(128);

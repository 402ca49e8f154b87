-- A basket pays for several certificates' extensions under one payment id: one row per payment and certificate.
ALTER TABLE subscription_extension DROP PRIMARY KEY;
ALTER TABLE subscription_extension ADD PRIMARY KEY (payment_id, serial_hex);

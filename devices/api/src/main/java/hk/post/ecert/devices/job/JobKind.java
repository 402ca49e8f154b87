package hk.post.ecert.devices.job;

/** What a device job asks the terminal to do. */
public enum JobKind {
    /** Print a {@link hk.post.ecert.devices.printer.ReceiptDocument} on the counter's receipt printer. */
    PRINT_RECEIPT,
    /** Generate a key pair on the customer's medium and return a PKCS#10 CSR signed by it. */
    TOKEN_GENERATE_KEY,
    /** Install the issued certificate and its chain next to the key, read back and verify. */
    TOKEN_INSTALL_CERTIFICATE,
    /** Remove the key and certificates a failed renewal created on the medium (only those). */
    TOKEN_DISCARD,
    /** Scan documents (feeder or flatbed) and upload each page to the server, signed by the terminal. */
    SCAN_DOCUMENTS,
    /**
     * Take an EPS payment on the kiosk's payment device (issue 17) under the payment id chosen before the first send; a
     * lost answer is asked for by a status enquiry at once, and reported only if that fails too.
     */
    EPS_SALE,
    /** Ask the payment device what it did with a payment id (after an answer was lost); a sale it never saw is cancelled in advance. */
    EPS_STATUS,
    /** Settle the payment device's approved sales not yet settled into one batch (the day's EPS settlement). */
    EPS_SETTLE,
    /**
     * Give an approved EPS sale's amount back to the card (a kiosk payment voided or refunded, issue 28) under a refund
     * id chosen before the first send; a lost answer is asked for by a status enquiry of the refund id.
     */
    EPS_REFUND;

    /** Jobs that carry the customer's PIN: it travels in the live message only and is never stored. */
    public boolean carriesPin() {
        return this == TOKEN_GENERATE_KEY || this == TOKEN_INSTALL_CERTIFICATE || this == TOKEN_DISCARD;
    }
}

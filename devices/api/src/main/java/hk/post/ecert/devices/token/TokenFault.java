package hk.post.ecert.devices.token;

/** Why a token or file medium could not be written, each shown to the clerk as its own message. */
public enum TokenFault {
    /** The customer's PIN is wrong (the token may count down its retries). */
    PIN_INCORRECT,
    /** Too many wrong PINs: the token refuses every login until it is unblocked. */
    PIN_LOCKED,
    /** No token with the expected label or serial is inserted. */
    TOKEN_ABSENT,
    /**
     * No label or serial was named and more than one token of the brand is inserted: the writer will not guess which
     * is the customer's.
     */
    SEVERAL_TOKENS,
    /** A token is inserted but the module cannot use it (not initialised, wrong brand). */
    TOKEN_NOT_RECOGNISED,
    /**
     * The inserted token is another brand than the case's (a Mutual Recognition certificate goes only onto the brand on
     * its form): the token's manufacturer and model say which it is.
     */
    WRONG_BRAND,
    /** No room on the token for another key or certificate. */
    TOKEN_FULL,
    /** The PKCS#11 module library of this token model is not installed on the counter PC. */
    MODULE_MISSING,
    /** The token went away while the job was running. */
    TOKEN_REMOVED,
    /** The file medium (e-Cert File USB) is not mounted or not writable. */
    MEDIUM_MISSING,
    /** What was read back differs from what was written, or does not match the key. */
    VERIFY_FAILED,
    /** The certificate does not belong to the key generated for this renewal. */
    CERTIFICATE_MISMATCH,
    /** Anything else the device reported; the detail says what. */
    DEVICE_ERROR
}

package hk.post.ecert.counter.domain.model.tokenrenewal;

/**
 * The token renewal saga's steps, in order, and its end states. A failure after ISSUED is never silent: it is
 * WRITE_FAILED, and the clerk retries the write with the same certificate or revokes and starts again.
 */
public enum RenewalState {
    REQUESTED,
    KEY_GENERATED,
    CSR_SIGNED,
    ISSUED,
    WRITTEN,
    VERIFIED,
    /** Nothing was issued (wrong PIN, no token, CA refused): start again when the cause is fixed. */
    FAILED,
    /** Issued but not (confirmed) written onto the medium. */
    WRITE_FAILED,
    /** The issued certificate was revoked after a failed write; a new renewal starts afresh. */
    REVOKED;

    public boolean finished() {
        return this == VERIFIED || this == FAILED || this == REVOKED;
    }
}

package hk.post.ecert.counter.domain.model.notice;

/** The notices the counter sends. */
public enum NoticeKind {
    /** e-Cert (Personal): the subscription ends soon; how to extend it, and the date of suspension. */
    SUBSCRIPTION_EXPIRY,
    /** Any counter type: its renewal may begin; the window, what to bring, the form. */
    RENEWAL_REMINDER,
    /** e-Cert (Server), approved: the approved names and a one-time link to upload the CSR. */
    CSR_REQUEST,
    /** e-Cert (Server): the certificate was issued for the uploaded CSR, and how to fetch it. */
    CERTIFICATE_ISSUED,
    /** A renewed certificate was posted: the registered-mail article number; the PIN envelope comes separately. */
    DISPATCH,
    /** A certificate waits at a counter for the customer (written onto their token there). */
    COLLECTION
}

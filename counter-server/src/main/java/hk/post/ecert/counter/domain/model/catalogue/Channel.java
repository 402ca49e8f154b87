package hk.post.ecert.counter.domain.model.catalogue;

/** Where a certificate type is renewed. */
public enum Channel {
    /** In person at any post office counter. */
    COUNTER,
    /** In person at HKPCA's designated premises only (HKPCA officer). */
    HKPCA_DESK,
    /** Not renewed by Hongkong Post counters: the customer is sent to the renewing body. */
    REFERRAL
}

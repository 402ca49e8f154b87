package hk.post.ecert.counter.domain.model.fee;

/** How a fee item's rate is applied. */
public enum FeeUnit {
    /** Once per certificate. */
    PER_CERTIFICATE,
    /** Rate × years of the chosen term. */
    PER_YEAR,
    /** A rate for each published term (1 year, 2 years). */
    BY_TERM,
    /** A rate per additional unit for each published term (e.g. Wildcard additional server). */
    BY_TERM_PER_UNIT,
    /** Rate × additional units (e.g. Multi-domain extra name). */
    PER_UNIT
}

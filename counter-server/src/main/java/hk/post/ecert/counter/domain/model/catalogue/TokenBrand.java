package hk.post.ecert.counter.domain.model.catalogue;

/** Brands of e-Cert Token accepted for "Mutual Recognition" certificates (rule 6: the form follows the brand). */
public enum TokenBrand {
    SAFENET,
    FEITIAN
}

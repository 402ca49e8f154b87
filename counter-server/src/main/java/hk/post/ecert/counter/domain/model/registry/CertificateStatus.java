package hk.post.ecert.counter.domain.model.registry;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Where a subscriber's certificate stands. Only ACTIVE certificates are renewed or extended (rule 1). */
public enum CertificateStatus {
    ACTIVE(new Bilingual("Active", "有效")),
    SUSPENDED(new Bilingual("Suspended", "暫停")),
    REVOKED(new Bilingual("Revoked", "已撤銷")),
    EXPIRED(new Bilingual("Expired", "已屆滿"));

    private final Bilingual label;

    CertificateStatus(Bilingual label) {
        this.label = label;
    }

    public Bilingual label() {
        return label;
    }
}

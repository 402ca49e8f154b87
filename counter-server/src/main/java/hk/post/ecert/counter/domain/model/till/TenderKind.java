package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** How a customer pays at a Hongkong Post counter. */
public enum TenderKind {
    CASH(new Bilingual("Cash", "現金")),
    EPS(new Bilingual("EPS", "易辦事")),
    CHEQUE(new Bilingual("Cheque", "支票")),
    CASHIER_ORDER(new Bilingual("Cashier order", "本票"));

    private final Bilingual label;

    TenderKind(Bilingual label) {
        this.label = label;
    }

    public Bilingual label() {
        return label;
    }

    public boolean paper() {
        return this == CHEQUE || this == CASHIER_ORDER;
    }
}

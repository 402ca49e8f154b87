package hk.post.ecert.counter.domain.model.checkout;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;

/** Where a payment stands against what it bought, as the office day shows it beside each sale line. */
public enum Tie {
    /** What was bought records this payment: the case is paid by it, the subscription runs on by it. */
    TIED(new Bilingual("Tied to its service", "已對應服務")),
    /** The sale was voided or refunded and what it bought was undone with it. */
    UNDONE(new Bilingual("Reversed and undone", "已退回並撤銷服務")),
    /** The service was refused after payment (a rejected case): the money is owed back to the customer. */
    REFUND_OWED(new Bilingual("Refund owed", "須退款")),
    /** Money that nothing it names holds: a payment with no service, or a reversal that left its service standing. */
    UNTIED(new Bilingual("Not tied to any service", "未對應任何服務"));

    private final Bilingual label;

    Tie(Bilingual label) {
        this.label = label;
    }

    public Bilingual label() {
        return label;
    }
}

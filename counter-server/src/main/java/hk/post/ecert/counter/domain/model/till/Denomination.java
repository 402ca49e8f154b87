package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;

/** Hong Kong dollar notes and coins a till holds (the HK$10 exists as both). */
public enum Denomination {
    NOTE_1000(100_000, true), NOTE_500(50_000, true), NOTE_100(10_000, true), NOTE_50(5_000, true),
    NOTE_20(2_000, true), NOTE_10(1_000, true),
    COIN_10(1_000, false), COIN_5(500, false), COIN_2(200, false), COIN_1(100, false),
    COIN_50C(50, false), COIN_20C(20, false), COIN_10C(10, false);

    private final long cents;
    private final boolean note;

    Denomination(long cents, boolean note) {
        this.cents = cents;
        this.note = note;
    }

    public Money value() {
        return Money.ofCents(cents);
    }

    public long cents() {
        return cents;
    }

    public boolean note() {
        return note;
    }

    /** "HK$1,000 note", "50¢ coin" — how the count screen names it. */
    public String label() {
        String v = cents >= 100 ? "$" + (cents / 100) : (cents + "¢");
        return v + (note ? " note" : " coin");
    }

    public String labelZh() {
        String v = cents >= 100 ? "$" + (cents / 100) : (cents / 10 + "毫");
        return v + (note ? " 紙幣" : " 硬幣");
    }
}

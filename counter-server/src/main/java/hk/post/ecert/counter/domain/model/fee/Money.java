package hk.post.ecert.counter.domain.model.fee;

/** An amount of Hong Kong dollars, held in integer cents. Never a floating-point number. */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public static Money ofDollars(long dollars) {
        return new Money(Math.multiplyExact(dollars, 100));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money times(long n) {
        return new Money(Math.multiplyExact(cents, n));
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    /**
     * {@code HK$1,234.50} — the way receipts and screens show money. Written digit by digit: a receipt shows a dozen
     * amounts, and a {@code NumberFormat} made for each, with a {@code String.format} for its cents, was seen in the
     * server's CPU samples of {@code bin/bench counter-flow} (issue 32).
     */
    @Override
    public String toString() {
        long abs = Math.abs(cents);
        String dollars = Long.toString(abs / 100);
        StringBuilder b = new StringBuilder(dollars.length() + 10);
        if (cents < 0) {
            b.append('-');
        }
        b.append("HK$");
        for (int i = 0; i < dollars.length(); i++) {
            if (i > 0 && (dollars.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(dollars.charAt(i));
        }
        long c = abs % 100;
        return b.append('.').append(c < 10 ? "0" : "").append(c).toString();
    }
}

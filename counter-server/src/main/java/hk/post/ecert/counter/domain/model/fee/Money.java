package hk.post.ecert.counter.domain.model.fee;

import java.text.NumberFormat;
import java.util.Locale;

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

    /** {@code HK$1,234.50} — the way receipts and screens show money. */
    @Override
    public String toString() {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + "HK$" + f.format(abs / 100) + "." + String.format("%02d", abs % 100);
    }
}

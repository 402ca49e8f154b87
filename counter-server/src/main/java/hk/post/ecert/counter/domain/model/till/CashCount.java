package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cash counted by denomination: an opening float, a drop, a blind count at close, or the change to hand back. */
public record CashCount(Map<Denomination, Integer> pieces) {

    public CashCount {
        EnumMap<Denomination, Integer> copy = new EnumMap<>(Denomination.class);
        for (Map.Entry<Denomination, Integer> e : pieces.entrySet()) {
            int n = e.getValue() == null ? 0 : e.getValue();
            if (n < 0) {
                throw new PosRefusal(PosRefusal.Reason.NEGATIVE_COUNT, e.getKey().label());
            }
            if (n > 0) {
                copy.put(e.getKey(), n);
            }
        }
        pieces = java.util.Collections.unmodifiableMap(copy);
    }

    public static CashCount empty() {
        return new CashCount(Map.of());
    }

    public Money total() {
        long cents = 0;
        for (Map.Entry<Denomination, Integer> e : pieces.entrySet()) {
            cents = Math.addExact(cents, Math.multiplyExact(e.getKey().cents(), (long) e.getValue()));
        }
        return Money.ofCents(cents);
    }

    /** The fewest notes and coins making up {@code amount} (notes before coins of the same value). */
    public static CashCount of(Money amount) {
        long left = amount.cents();
        if (left < 0 || left % 10 != 0) {
            throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE_IN_CASH, amount.toString());
        }
        Map<Denomination, Integer> m = new EnumMap<>(Denomination.class);
        for (Denomination d : Denomination.values()) {
            long n = left / d.cents();
            if (n > 0) {
                m.put(d, (int) n);
                left -= n * d.cents();
            }
        }
        return new CashCount(m);
    }

    /** For the journal: {"NOTE_100": 3, ...}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        pieces.forEach((d, n) -> m.put(d.name(), n));
        return m;
    }

    /** "3 × $100 note, 1 × $5 coin". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        pieces.forEach((d, n) -> parts.add(n + " × " + d.label()));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}

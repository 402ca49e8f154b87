package hk.post.ecert.counter.domain.model.fee;

import java.util.List;

/**
 * A fee quote, or the honest refusal to quote: when any item has no fee in force the quote is "fee not set",
 * names the items, and carries no amount.
 */
public record Quote(List<Line> lines, List<FeeItem> notSet) {

    /** One priced line: item, quantity, unit rate, amount. */
    public record Line(FeeItem item, long quantity, Money rate, Money amount, String source) {
    }

    public Quote {
        lines = List.copyOf(lines);
        notSet = List.copyOf(notSet);
    }

    public boolean isSet() {
        return notSet.isEmpty();
    }

    public Money total() {
        if (!isSet()) {
            throw new FeeNotSetException(notSet);
        }
        return lines.stream().map(Line::amount).reduce(Money.ZERO, Money::plus);
    }
}

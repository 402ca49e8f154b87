package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The arithmetic of one sale: the total of its lines, what each tender pays, and the change — given only in cash,
 * and only from cash. Refuses anything a counter may not accept.
 */
public record Settlement(List<SaleLine> lines, List<Tender> tenders, Money total, Money cashTendered, Money change) {

    public static Settlement of(List<SaleLine> lines, List<Tender> tenders, LocalDate today) {
        if (lines.isEmpty()) {
            throw new PosRefusal(PosRefusal.Reason.NO_ITEMS);
        }
        long total = 0;
        for (SaleLine l : lines) {
            if (l.caseRef() == null || l.caseRef().isBlank()) {
                throw new PosRefusal(PosRefusal.Reason.NO_CASE);
            }
            if (l.pays() == null || l.pays().isBlank()) {
                throw new PosRefusal(PosRefusal.Reason.NOT_BOUND);
            }
            total = Math.addExact(total, l.amount().cents());
        }
        long cash = 0;
        long other = 0;
        for (Tender t : tenders) {
            t.check(today);
            if (t.kind() == TenderKind.CASH) {
                cash = Math.addExact(cash, t.amount().cents());
            } else {
                other = Math.addExact(other, t.amount().cents());
            }
        }
        if (other > total) {
            throw new PosRefusal(PosRefusal.Reason.NON_CASH_OVER_TOTAL, Money.ofCents(other - total).toString());
        }
        if (cash + other < total) {
            throw new PosRefusal(PosRefusal.Reason.SHORT, Money.ofCents(total - cash - other).toString());
        }
        long change = cash + other - total;
        return new Settlement(List.copyOf(lines), List.copyOf(tenders), Money.ofCents(total), Money.ofCents(cash),
                Money.ofCents(change));
    }

    /** Cash that stays in the drawer: cash tendered less change. */
    public Money cashKept() {
        return Money.ofCents(cashTendered.cents() - change.cents());
    }

    /** The change as notes and coins. */
    public CashCount changeInPieces() {
        return CashCount.of(change);
    }
}

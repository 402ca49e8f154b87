package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.Tills;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checkout's steps inside one transaction, whoever asks (the {@link Checkout} on the server, the invariant test
 * on a database of its own): price the basket from what is bought, journal the sale on the till, mark each thing
 * bought paid; journal a void or refund and undo what the sale bought. The only caller of {@link Tills#pay} and
 * {@link Tills#reverse}.
 */
public final class Payments {

    private final Tills tills;
    private final Iterable<? extends PayableKind> kinds;

    public Payments(Tills tills, Iterable<? extends PayableKind> kinds) {
        this.tills = tills;
        this.kinds = kinds;
    }

    /** What the basket costs today, line by line; anything that cannot be paid now is refused in words. */
    public List<SaleLine> quote(List<Payable> basket) {
        requireDistinct(basket);
        List<SaleLine> lines = new ArrayList<>();
        for (Payable p : basket) {
            lines.addAll(kind(p).price(p));
        }
        return lines;
    }

    public Money total(List<Payable> basket) {
        return quote(basket).stream().map(SaleLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /** The first sale of this payment id, if it was taken; the same id for another basket is refused. */
    public Optional<SaleOutcome> repeat(String paymentId, List<Payable> basket) {
        Optional<SaleOutcome> first = tills.saleByPayment(paymentId);
        if (first.isPresent() && !codes(first.get()).equals(codes(basket))) {
            throw new PosRefusal(PosRefusal.Reason.OTHER_PAYMENT, paymentId);
        }
        return first;
    }

    /**
     * Takes the money for the basket at {@code till} and marks each thing bought paid; a repeat of the payment id is
     * answered with the first sale and changes nothing.
     */
    public SaleOutcome take(String paymentId, TillSession till, String actor, List<Payable> basket, List<Tender> tenders) {
        Optional<SaleOutcome> first = repeat(paymentId, basket);
        if (first.isPresent()) {
            return first.get();
        }
        requireDistinct(basket);
        List<SaleLine> lines = new ArrayList<>();
        try {
            for (Payable p : basket) {
                PayableKind k = kind(p);
                // another office's case answers as one that does not exist: references are not to be learnt this way
                if (k.officeOf(p).map(o -> !o.equals(till.office())).orElse(false)) {
                    throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, p.reference());
                }
                lines.addAll(k.price(p));
            }
        } catch (RuntimeException refused) {
            // the same payment sent again while its first send was being taken (another instance, after a lost answer):
            // what was bought is paid already, and the answer is the first sale, not a refusal
            Optional<SaleOutcome> meanwhile = repeat(paymentId, basket);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            throw refused;
        }
        SaleOutcome sale = tills.pay(paymentId, till.tillId(), actor, lines, tenders);
        if (sale.repeat()) {
            return sale;   // taken meanwhile under this id (the till's lock waited for it): what it bought is marked already
        }
        for (Payable p : basket) {
            kind(p).bought(p, paymentId, actor);
        }
        return sale;
    }

    /**
     * Journals a void or refund at {@code tillId} and undoes what the sale bought; what rests on the things bought (a
     * later extension, an issued certificate) is refused in words before anything is written. A repeat of the reversal id is answered with the first.
     */
    public ReversalOutcome giveBack(String reversalId, boolean isVoid, String transactionNo, String tillId, String actor,
                                    String reason, String approver) {
        return giveBack(reversalId, isVoid, transactionNo, tillId, actor, reason, approver, false);
    }

    /** As above; a refund {@code toCard} went back through the EPS device that took the sale. */
    public ReversalOutcome giveBack(String reversalId, boolean isVoid, String transactionNo, String tillId, String actor,
                                    String reason, String approver, boolean toCard) {
        Optional<SaleOutcome> sale = tills.saleByTransaction(transactionNo);
        if (sale.isPresent() && tills.reversalOf(sale.get().paymentId()).isEmpty()) {
            requireReversible(sale.get());   // what rests on the things bought is said before anything is written
        }
        ReversalOutcome r = tills.reverse(reversalId, isVoid, transactionNo, tillId, actor, reason, approver, toCard);
        if (r.repeat()) {
            return r;
        }
        SaleOutcome original = tills.saleByTransaction(r.originalTransactionNo()).orElseThrow();
        for (Payable p : payables(original)) {
            kind(p).reversed(p, original.paymentId(), actor);
        }
        return r;
    }

    /** Whether what the sale bought can be undone now: refused in words when something rests on it. */
    public void requireReversible(SaleOutcome sale) {
        for (Payable p : payables(sale)) {
            kind(p).checkReversal(p, sale.paymentId());
        }
    }

    /** Where each thing a sale bought stands: undone when the sale was reversed and the service with it. */
    public List<TiedLine> ties(SaleOutcome sale) {
        boolean reversed = tills.reversalOf(sale.paymentId()).isPresent();
        List<TiedLine> out = new ArrayList<>();
        for (SaleLine l : sale.lines()) {
            if (l.pays() == null) {
                out.add(new TiedLine(l, reversed ? Tie.UNDONE : Tie.UNTIED));
                continue;
            }
            Payable p = Payable.parse(l.pays());
            Tie now = kind(p).tieOf(p, sale.paymentId());
            out.add(new TiedLine(l, reversed ? (now == Tie.TIED ? Tie.UNTIED : Tie.UNDONE) : now));
        }
        return out;
    }

    /** A sale line beside where what it bought stands. */
    public record TiedLine(SaleLine line, Tie tie) {
    }

    /** A sale of the day with each of its lines beside what it bought. */
    public record TiedSale(SaleOutcome sale, List<TiedLine> lines) {
    }

    /** A payment whose service was refused after it was paid: the customer is owed it back. */
    public record OwedRefund(Payable payable, SaleOutcome sale) {
    }

    /**
     * An office's money of a day against what it bought: every sale line beside its service, the money tied to none
     * (which must be nothing), and the refunds owed (whatever day they were paid).
     */
    public record DayMoney(List<TiedSale> sales, Money untied, List<OwedRefund> refundsOwed) {
    }

    public DayMoney dayMoney(String office, LocalDate day) {
        List<TiedSale> sales = new ArrayList<>();
        long untied = 0;
        for (TillSession t : tills.tillsOf(office, day)) {
            for (SaleOutcome s : tills.salesOf(t.tillId())) {
                List<TiedLine> lines = ties(s);
                sales.add(new TiedSale(s, lines));
                untied += lines.stream().filter(l -> l.tie() == Tie.UNTIED).mapToLong(l -> l.line().amount().cents()).sum();
            }
        }
        List<OwedRefund> owed = new ArrayList<>();
        for (PayableKind k : kinds) {
            for (PayableKind.Owed o : k.refundsOwed(office)) {
                tills.saleByPayment(o.paymentId()).ifPresent(s -> owed.add(new OwedRefund(o.payable(), s)));
            }
        }
        return new DayMoney(sales, Money.ofCents(untied), owed);
    }

    /** The things a sale paid for, in the order its lines name them. */
    public static List<Payable> payables(SaleOutcome sale) {
        return codes(sale).stream().map(Payable::parse).toList();
    }

    private static Set<String> codes(SaleOutcome sale) {
        Set<String> out = new LinkedHashSet<>();
        sale.lines().stream().map(SaleLine::pays).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private static Set<String> codes(List<Payable> basket) {
        Set<String> out = new LinkedHashSet<>();
        basket.forEach(p -> out.add(p.code()));
        return out;
    }

    private static void requireDistinct(List<Payable> basket) {
        if (basket.isEmpty()) {
            throw new PosRefusal(PosRefusal.Reason.NO_ITEMS);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Payable p : basket) {
            // one certificate is extended once per sale (by the years wanted), one case's fee is paid once
            String what = p instanceof Payable.SubscriptionExtension x ? "EXT:" + x.serialHex() : p.code();
            if (!seen.add(what)) {
                throw new PosRefusal(PosRefusal.Reason.TWICE_IN_BASKET, p.reference());
            }
        }
    }

    private PayableKind kind(Payable p) {
        for (PayableKind k : kinds) {
            if (k.sells(p)) {
                return k;
            }
        }
        throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, p.code());
    }
}

package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one way money is taken at the counter, whatever the channel (screens, the clerk's JSON API, the kiosk, the
 * Bank-Cert desk): a basket of {@link Payable}s is priced by what is bought, paid at the actor's open till under a
 * payment id chosen before the first send, journalled, and each thing bought is marked paid in the same transaction.
 * A void or refund goes through here too, and undoes what the money bought in the same transaction (or is refused,
 * with the reason, and nothing changes). The caller prints the receipt after this returns, that is after the commit.
 */
@ApplicationScoped
public class Checkout {

    @Inject
    PointOfSale pos;

    @Inject
    Instance<PayableKind> kinds;

    /** What the basket costs today, line by line; anything that cannot be paid now is refused in words. */
    @Transactional
    public List<SaleLine> quote(List<Payable> basket) {
        requireDistinct(basket);
        List<SaleLine> lines = new ArrayList<>();
        for (Payable p : basket) {
            lines.addAll(kind(p).price(p));
        }
        return lines;
    }

    /** The basket's total today. */
    @Transactional
    public Money total(List<Payable> basket) {
        return quote(basket).stream().map(SaleLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /** Pays for the basket at the actor's open till; a repeat of the payment id is answered with the first sale. */
    @Transactional
    public SaleOutcome pay(String paymentId, String actor, List<Payable> basket, List<Tender> tenders) {
        Optional<SaleOutcome> first = repeat(paymentId, basket);
        if (first.isPresent()) {
            return first.get();
        }
        TillSession till = pos.currentTill(actor).filter(t -> t.status() == TillSession.Status.OPEN)
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, actor));
        return take(paymentId, till, actor, basket, tenders);
    }

    /** As {@link #pay}, at a named till (a kiosk's own till, opened by itself). */
    @Transactional
    public SaleOutcome payAt(String paymentId, String tillId, String actor, List<Payable> basket, List<Tender> tenders) {
        Optional<SaleOutcome> first = repeat(paymentId, basket);
        if (first.isPresent()) {
            return first.get();
        }
        TillSession till = pos.till(tillId).orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId));
        return take(paymentId, till, actor, basket, tenders);
    }

    private SaleOutcome take(String paymentId, TillSession till, String actor, List<Payable> basket, List<Tender> tenders) {
        requireDistinct(basket);
        List<SaleLine> lines = new ArrayList<>();
        for (Payable p : basket) {
            PayableKind k = kind(p);
            // another office's case answers as one that does not exist: references are not to be learnt this way
            if (k.officeOf(p).map(o -> !o.equals(till.office())).orElse(false)) {
                throw new PosRefusal(PosRefusal.Reason.NOT_PAYABLE, p.reference());
            }
            lines.addAll(k.price(p));
        }
        SaleOutcome sale = pos.journalSale(paymentId, till.tillId(), actor, lines, tenders);
        for (Payable p : basket) {
            kind(p).bought(p, paymentId, actor);
        }
        return sale;
    }

    /** The first sale of this payment id, if it was taken; the same id for another basket is refused. */
    private Optional<SaleOutcome> repeat(String paymentId, List<Payable> basket) {
        Optional<SaleOutcome> first = pos.saleByPayment(paymentId);
        if (first.isPresent() && !paidFor(first.get()).equals(codes(basket))) {
            throw new PosRefusal(PosRefusal.Reason.OTHER_PAYMENT, paymentId);
        }
        return first;
    }

    /**
     * A void (this till session) or refund (an earlier session), approved by a supervisor who re-authenticates here;
     * what the sale bought is undone in the same transaction. A repeat of the reversal id is answered with the first.
     */
    @Transactional
    public ReversalOutcome reverse(String reversalId, boolean isVoid, String transactionNo, String actor, String reason,
                                   String supervisor, char[] password) {
        TillSession till = pos.currentTill(actor).filter(t -> t.status() == TillSession.Status.OPEN)
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, actor));
        ReversalOutcome r = pos.reverse(reversalId, isVoid, transactionNo, till.tillId(), actor, reason, supervisor, password);
        if (r.repeat()) {
            return r;
        }
        SaleOutcome sale = pos.saleByTransaction(r.originalTransactionNo()).orElseThrow();
        for (Payable p : payables(sale)) {
            kind(p).reversed(p, sale.paymentId(), actor);
        }
        return r;
    }

    /** Where each thing a sale bought stands: undone when the sale was reversed and the service with it. */
    @Transactional
    public List<TiedLine> ties(SaleOutcome sale) {
        boolean reversed = pos.reversalOf(sale.paymentId()).isPresent();
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

    /** The things a sale paid for, in the order its lines name them. */
    public static List<Payable> payables(SaleOutcome sale) {
        return codes(sale).stream().map(Payable::parse).toList();
    }

    private static Set<String> codes(SaleOutcome sale) {
        Set<String> out = new LinkedHashSet<>();
        sale.lines().stream().map(SaleLine::pays).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private static Set<String> paidFor(SaleOutcome sale) {
        return codes(sale);
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

package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.application.SaleWasTaken;
import hk.post.ecert.counter.application.pos.PointOfSale;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.Tills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one way money is taken at the counter, whatever the channel (screens, the clerk's JSON API, the kiosk, the
 * Bank-Cert desk): a basket of {@link Payable}s is priced by what is bought, paid at the actor's open till under a
 * payment id chosen before the first send, journalled, and each thing bought is marked paid in the same transaction
 * ({@link Payments}). A void or refund goes through here too, approved by a supervisor of the till's office, and
 * undoes what the money bought in the same transaction (or is refused, with the reason, and nothing changes). The
 * caller prints the receipt after this returns, that is after the commit.
 */
@ApplicationScoped
public class Checkout {

    @Inject
    PointOfSale pos;

    @Inject
    Tills tills;

    @Inject
    Instance<PayableKind> kinds;

    @Inject
    Event<SaleWasTaken> saleTaken;

    private Payments payments() {
        return new Payments(tills, kinds);
    }

    /** What the basket costs today, line by line; anything that cannot be paid now is refused in words. */
    @Transactional
    public List<SaleLine> quote(List<Payable> basket) {
        return payments().quote(basket);
    }

    /** The basket's total today. */
    @Transactional
    public Money total(List<Payable> basket) {
        return payments().total(basket);
    }

    /** Pays for the basket at the actor's open till; a repeat of the payment id is answered with the first sale. */
    @Transactional
    public SaleOutcome pay(String paymentId, String actor, List<Payable> basket, List<Tender> tenders) {
        Optional<SaleOutcome> first = payments().repeat(paymentId, basket);
        if (first.isPresent()) {
            return first.get();
        }
        return taken(payments().take(paymentId, openTill(actor), actor, basket, tenders));
    }

    /** As {@link #pay}, at a named till (a kiosk's own till, opened by itself). */
    @Transactional
    public SaleOutcome payAt(String paymentId, String tillId, String actor, List<Payable> basket, List<Tender> tenders) {
        TillSession till = tills.till(tillId).orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId));
        return taken(payments().take(paymentId, till, actor, basket, tenders));
    }

    private SaleOutcome taken(SaleOutcome sale) {
        if (!sale.repeat()) {
            saleTaken.fire(new SaleWasTaken(sale));
        }
        return sale;
    }

    /**
     * A void (this till session) or refund (an earlier session) at the actor's open till, approved by a supervisor of
     * its office who re-authenticates here; what the sale bought is undone in the same transaction. A repeat of the
     * reversal id is answered with the first.
     */
    @Transactional
    public ReversalOutcome reverse(String reversalId, boolean isVoid, String transactionNo, String actor, String reason,
                                   String supervisor, char[] password) {
        String approver = pos.authenticateSupervisor(supervisor, password);
        TillSession till = openTill(actor);
        pos.requireSupervises(till.office(), approver);
        return payments().giveBack(reversalId, isVoid, transactionNo, till.tillId(), actor, reason, approver);
    }

    /** Where each thing a sale bought stands. */
    @Transactional
    public List<Payments.TiedLine> ties(SaleOutcome sale) {
        return payments().ties(sale);
    }

    /** An office's money of a day against what it bought, and the refunds owed. */
    @Transactional
    public Payments.DayMoney dayMoney(String office, LocalDate day) {
        return payments().dayMoney(office, day);
    }

    /** The things a sale paid for. */
    public static List<Payable> payables(SaleOutcome sale) {
        return Payments.payables(sale);
    }

    private TillSession openTill(String actor) {
        return pos.currentTill(actor).filter(t -> t.status() == TillSession.Status.OPEN)
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, actor));
    }
}

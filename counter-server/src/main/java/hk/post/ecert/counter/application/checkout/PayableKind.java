package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.till.SaleLine;

import java.util.List;
import java.util.Optional;

/**
 * One kind of thing money buys, as the {@link Checkout} asks it: what it costs now (or why it cannot be paid now),
 * that it was bought, that the money was taken back, and where a payment stands against it. Each call runs inside
 * the checkout's transaction, so the journal entry and the service's change are both there or neither is.
 */
public interface PayableKind {

    boolean sells(Payable p);

    /** The office the payable belongs to, when it belongs to one (a case); an extension may be sold at any office. */
    Optional<String> officeOf(Payable p);

    /** What {@code p} costs today, as sale lines that name it; a payable that cannot be paid now is refused in words. */
    List<SaleLine> price(Payable p);

    /** {@code p} was paid by {@code paymentId}: it is marked paid (or done) in the same transaction. */
    void bought(Payable p, String paymentId, String actor);

    /** Whether the money {@code paymentId} paid for {@code p} can go back now: refused in words when something rests on it. */
    void checkReversal(Payable p, String paymentId);

    /** The money {@code paymentId} paid for {@code p} went back: undone, or refused in words when something rests on it. */
    void reversed(Payable p, String paymentId, String actor);

    /** Where {@code paymentId}'s money for {@code p} stands, the sale not reversed. */
    Tie tieOf(Payable p, String paymentId);

    /** What of this kind, at {@code office}, was refused after it was paid: its money is owed back until it is refunded. */
    List<Owed> refundsOwed(String office);

    /** A payable whose payment is owed back to the customer. */
    record Owed(Payable payable, String paymentId) {
    }
}

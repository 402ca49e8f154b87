package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.Tills;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.JdbcTills;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payment sent again while its first send is still being taken (a lost answer retried on another instance): the
 * second waits for the first at the till, is answered with the first sale, and buys nothing a second time. Found by
 * {@code bin/bench chaos}: the second send extended (or, at the certificate's expiry, was refused) after the first.
 */
class SentTwiceAtOnceTest {

    /** A thing that counts how often it was bought, and lets the test see when the second send priced it. */
    static final class Counted implements PayableKind {
        final AtomicInteger bought = new AtomicInteger();
        final CountDownLatch pricedTwice = new CountDownLatch(2);

        @Override
        public boolean sells(Payable p) {
            return true;
        }

        @Override
        public Optional<String> officeOf(Payable p) {
            return Optional.empty();
        }

        @Override
        public List<SaleLine> price(Payable p) {
            pricedTwice.countDown();
            return List.of(new SaleLine(p.reference(), "PERSONAL_EXTENSION_PER_YEAR", new Bilingual("Extension", "延長"), "PERSONAL", 1,
                    Money.ofCents(4800), p.code()));
        }

        @Override
        public void bought(Payable p, String paymentId, String actor) {
            bought.incrementAndGet();
        }

        @Override
        public void checkReversal(Payable p, String paymentId) {
        }

        @Override
        public void reversed(Payable p, String paymentId, String actor) {
        }

        @Override
        public Tie tieOf(Payable p, String paymentId) {
            return Tie.TIED;
        }

        @Override
        public List<Owed> refundsOwed(String office) {
            return List.of();
        }
    }

    @Test
    void theSecondSendIsAnsweredWithTheFirstSaleAndBuysNothingMore() throws Exception {
        TransactionalDataSource db = new TransactionalDataSource();
        try {
            Tills tills = new JdbcTills(db);
            Counted kind = new Counted();
            Payments payments = new Payments(tills, List.of(kind));
            TillSession till = db.tx(() -> tills.open("TILL-RACE", "GPO", "C09", "clerk9", CashCount.of(Money.ofDollars(100))));
            List<Payable> basket = List.of(new Payable.SubscriptionExtension("a1b2", 1));
            List<Tender> cash = List.of(Tender.cash(Money.ofDollars(50)));
            CountDownLatch firstTaken = new CountDownLatch(1);

            CompletableFuture<SaleOutcome> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return db.tx(() -> {
                        SaleOutcome s = payments.take("PAY-RACE", till, "clerk9", basket, cash);
                        firstTaken.countDown();
                        // the first send commits only once the second has got past its own look for the payment
                        assertTrue(kind.pricedTwice.await(30, TimeUnit.SECONDS), "the second send priced the basket");
                        return s;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(firstTaken.await(30, TimeUnit.SECONDS));
            SaleOutcome second = db.tx(() -> payments.take("PAY-RACE", till, "clerk9", basket, cash));
            SaleOutcome taken = first.get(30, TimeUnit.SECONDS);

            assertFalse(taken.repeat());
            assertTrue(second.repeat(), "the second send is answered as a repeat");
            assertEquals(taken.transactionNo(), second.transactionNo());
            assertEquals(1, kind.bought.get(), "what it bought was bought once");
            assertEquals(1, db.tx(() -> tills.salesOf("TILL-RACE")).size());
        } finally {
            db.close();
        }
    }
}

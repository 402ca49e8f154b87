package hk.post.ecert.counter.application.checkout;

import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.catalogue.Catalogue;
import hk.post.ecert.counter.domain.model.catalogue.Variant;
import hk.post.ecert.counter.domain.model.checkout.Payable;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.domain.model.fee.FeeSchedule;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.fee.Quote;
import hk.post.ecert.counter.domain.model.registry.CertificateStatus;
import hk.post.ecert.counter.domain.model.registry.RegistryRefusal;
import hk.post.ecert.counter.domain.model.registry.SubscriberCertificate;
import hk.post.ecert.counter.domain.model.renewal.CaseRefusal;
import hk.post.ecert.counter.domain.model.renewal.RenewalCase;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.Tills;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.JdbcTills;
import hk.post.ecert.journal.JournalVerifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28's invariants over random sequences of what happens at the counters of two offices: pay an extension, a
 * case's fee or a basket of both; repeat a payment (the same id, or the same id for something else); void; refund
 * from a later till session; HKPCA rejects a case; a kiosk takes an EPS extension whose answer is lost and sent again;
 * a clerk closes the till and opens another. The checkout's steps ({@link Payments}) run on the real tills and journal
 * (H2, each step one transaction that rolls back on a refusal); what money buys is kept by the aggregates' own rules.
 * After every sequence: each certificate's subscription end is its original end plus the years its live sales paid;
 * a case is paid exactly when its live money is positive; every till's expected cash (from the journal) is what the
 * drawers took and paid out; no sale line is untied; and the journal verifies.
 */
class CheckoutInvariantTest {

    static final Catalogue CATALOGUE = Catalogue.loadDefault();
    static final FeeSchedule FEES = FeeSchedule.loadDefault();
    static final AtomicInteger SEQUENCES = new AtomicInteger();
    static final AtomicLong STEPS = new AtomicLong();
    static final AtomicLong TAKEN = new AtomicLong();
    static final AtomicLong REVERSED = new AtomicLong();
    static final AtomicLong REFUSED = new AtomicLong();

    static TransactionalDataSource db;
    static Tills tills;
    static KeyPair journalKey;

    enum Op { PAY_EXTENSION, PAY_CASE, BASKET, REPEAT, REPEAT_FOR_OTHER, VOID, REFUND, REJECT, KIOSK_EPS, NEW_SESSION }

    record Step(Op op, int actor, int a, int b, int years, boolean flag) {
    }

    @BeforeContainer
    static void database() throws Exception {
        db = new TransactionalDataSource();
        tills = new JdbcTills(db);
        journalKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterContainer
    static void report() throws Exception {
        System.out.println("CheckoutInvariantTest: " + SEQUENCES.get() + " sequences, " + STEPS.get() + " steps ("
                + TAKEN.get() + " payments taken, " + REVERSED.get() + " reversed, " + REFUSED.get() + " refused in words)");
        db.close();
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 3), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 150)
    void moneyStaysBoundToWhatItBought(@ForAll("sequences") List<Step> steps) throws Exception {
        World w = new World(SEQUENCES.incrementAndGet());
        for (Step s : steps) {
            w.run(s);
            STEPS.incrementAndGet();
        }
        w.checkInvariants();
    }

    /** One sequence's counters, certificates, cases and what the model expects of each drawer. */
    static final class World {
        final LocalDate today = tills.today();
        final String[] actors;
        final String[] offices = {"GPO", "GPO", "KCPO"};
        final String kiosk;
        final Map<String, String> tillOf = new HashMap<>();
        final Map<String, String> counterOf = new HashMap<>();
        final Map<String, Long> expectedCash = new LinkedHashMap<>();
        final Subscriptions subscriptions = new Subscriptions();
        final Cases cases = new Cases();
        final Payments payments = new Payments(tills, List.of(subscriptions, cases));
        final List<Sold> sold = new ArrayList<>();
        final Set<String> reversedPayments = new HashSet<>();
        final String n;
        int ids;

        record Sold(String paymentId, String transactionNo, String actor, List<Payable> basket, List<Tender> tenders) {
        }

        World(int sequence) throws Exception {
            n = Integer.toString(sequence);
            actors = new String[] {"g1-" + n, "g2-" + n, "k1-" + n};
            kiosk = "kiosk:GPO-K" + n;
            for (int i = 0; i < actors.length; i++) {
                counterOf.put(actors[i], "C" + i + "-" + n);
                openTill(actors[i], offices[i], 50_000);
            }
            counterOf.put(kiosk, "K-" + n);
            openTill(kiosk, "GPO", 0);
            for (int i = 0; i < 4; i++) {
                // Personal certificates: their subscription ends in 20 days; the certificate runs 1 to 3 more years
                String serial = Integer.toHexString(0x1000 + sequence * 16 + i);
                LocalDate validTo = today.plusYears(1 + i % 3).plusDays(30);
                subscriptions.add(new SubscriberCertificate(serial, "SRN-P-" + n + "-" + i, "PERSONAL", "STANDARD", "2-17",
                        "DEMO " + i, null, null, validTo.minusYears(3), validTo, today.plusDays(20), CertificateStatus.ACTIVE,
                        "ecert-file-usb", null, false));
            }
            for (int i = 0; i < 4; i++) {
                // renewal cases, identity checked and documents in: the fee sends them to HKPCA
                LocalDate validTo = today.plusDays(10);
                SubscriberCertificate due = new SubscriberCertificate(Integer.toHexString(0x9000 + sequence * 16 + i), "SRN-R-" + n,
                        "PERSONAL", "STANDARD", "2-17", "DUE " + i, null, null, validTo.minusYears(3), validTo, validTo,
                        CertificateStatus.ACTIVE, "ecert-file-usb", null, false);
                String office = i == 3 ? "KCPO" : "GPO";
                RenewalCase k = RenewalCase.open("RC-" + n + "-" + i, due, CATALOGUE, "STANDARD", 3, false, List.of(),
                        RenewalCase.Delivery.DISPATCH, today, Optional.empty(), actors[i == 3 ? 2 : 0]);
                k.identityConfirmed(actors[i == 3 ? 2 : 0]);
                cases.add(k, office);
            }
        }

        private void openTill(String actor, String office, long floatCents) throws Exception {
            String tillId = "TILL-" + actor + "-" + (ids++);
            db.tx(() -> tills.open(tillId, office, counterOf.get(actor), actor, CashCount.of(Money.ofCents(floatCents))));
            tillOf.put(actor, tillId);
            expectedCash.put(tillId, floatCents);
        }

        private TillSession till(String actor) throws Exception {
            return db.tx(() -> tills.till(tillOf.get(actor)).orElseThrow());
        }

        void run(Step s) throws Exception {
            String actor = actors[s.actor()];
            switch (s.op()) {
                case PAY_EXTENSION -> pay(actor, List.of(extension(s.a(), s.years())), s.b());
                case PAY_CASE -> pay(actor, List.of(caseFee(s.a())), s.b());
                case BASKET -> pay(actor, s.flag() ? List.of(caseFee(s.a()), extension(s.b(), s.years()))
                        : List.of(extension(s.a(), 1), extension(s.b(), s.years())), s.b());
                case REPEAT -> {
                    if (!sold.isEmpty()) {
                        Sold first = sold.get(s.a() % sold.size());
                        SaleOutcome again = attempt(() -> payments.take(first.paymentId(), till(first.actor()), first.actor(),
                                first.basket(), first.tenders()));
                        assertTrue(again != null && again.repeat(), "a repeat of " + first.paymentId() + " is the first sale");
                        assertEquals(first.transactionNo(), again.transactionNo());
                    }
                }
                case REPEAT_FOR_OTHER -> {
                    if (!sold.isEmpty()) {
                        Sold first = sold.get(s.a() % sold.size());
                        List<Payable> other = List.of(extension(s.b() + 1, 1));
                        if (!other.equals(first.basket())) {
                            SaleOutcome reused = attempt(() -> payments.take(first.paymentId(), till(first.actor()), first.actor(),
                                    other, first.tenders()));
                            assertEquals(null, reused, "a payment id is not reused for something else");
                        }
                    }
                }
                case VOID, REFUND -> {
                    if (!sold.isEmpty()) {
                        reverse(actor, sold.get(s.a() % sold.size()), s.op() == Op.VOID);
                    }
                }
                case REJECT -> cases.rejectIfVetting(s.a());
                case KIOSK_EPS -> kioskSale(extension(s.a(), s.years()), s.flag());
                case NEW_SESSION -> newSession(actor);
            }
        }

        private Payable.SubscriptionExtension extension(int i, int years) {
            return new Payable.SubscriptionExtension(subscriptions.serials.get(i % subscriptions.serials.size()), years);
        }

        private Payable.CaseFee caseFee(int i) {
            return new Payable.CaseFee(cases.refs.get(i % cases.refs.size()));
        }

        private void pay(String actor, List<Payable> basket, int extraDollars) throws Exception {
            Money total = attempt(() -> payments.total(basket));
            List<Tender> tenders = List.of(Tender.cash(total == null ? Money.ofDollars(9_999)
                    : total.plus(Money.ofDollars(extraDollars % 20))));
            String paymentId = "PAY-" + n + "-" + (ids++);
            SaleOutcome sale = attempt(() -> payments.take(paymentId, till(actor), actor, basket, tenders));
            if (sale != null) {
                assertFalse(sale.repeat());
                sold.add(new Sold(paymentId, sale.transactionNo(), actor, basket, tenders));
                expectedCash.merge(tillOf.get(actor), sale.cashTendered().cents() - sale.change().cents(), Long::sum);
                TAKEN.incrementAndGet();
            }
        }

        private void kioskSale(Payable.SubscriptionExtension x, boolean answerLost) throws Exception {
            Money total = attempt(() -> payments.total(List.of(x)));
            if (total == null) {
                return;
            }
            String paymentId = "EPS-" + n + "-" + (ids++);
            List<Tender> eps = List.of(Tender.eps(total, "APPROVAL-" + paymentId));
            SaleOutcome sale = attempt(() -> payments.take(paymentId, till(kiosk), kiosk, List.of(x), eps));
            if (sale == null) {
                return;
            }
            sold.add(new Sold(paymentId, sale.transactionNo(), kiosk, List.of(x), eps));
            TAKEN.incrementAndGet();
            if (answerLost) {
                // the device's approval reached the kiosk but its answer did not: the same sale is sent again
                SaleOutcome again = attempt(() -> payments.take(paymentId, till(kiosk), kiosk, List.of(x), eps));
                assertTrue(again != null && again.repeat() && again.transactionNo().equals(sale.transactionNo()));
            }
        }

        private void reverse(String actor, Sold s, boolean isVoid) throws Exception {
            String approver = "supervisor-" + n;
            String reversalId = "REV-" + n + "-" + (ids++);
            ReversalOutcome r = attempt(() -> payments.giveBack(reversalId, isVoid, s.transactionNo(), tillOf.get(actor), actor,
                    "customer asked", approver));
            if (r != null) {
                assertFalse(reversedPayments.contains(s.paymentId()), "a sale is reversed once");
                reversedPayments.add(s.paymentId());
                expectedCash.merge(tillOf.get(actor), -r.cashOut().cents(), Long::sum);
                REVERSED.incrementAndGet();
            }
        }

        private void newSession(String actor) throws Exception {
            String tillId = tillOf.get(actor);
            long cash = Math.max(0, expectedCash.get(tillId));
            db.tx(() -> tills.closeBlind(tillId, actor, CashCount.of(Money.ofCents(cash))));
            openTill(actor, offices[List.of(actors).indexOf(actor)], 50_000);
        }

        /** Runs one step as one transaction: its outcome, or null when it was refused in words (and rolled back). */
        private <T> T attempt(java.util.concurrent.Callable<T> step) throws Exception {
            try {
                return db.tx(step);
            } catch (PosRefusal | CaseRefusal | RegistryRefusal refused) {
                REFUSED.incrementAndGet();
                return null;
            }
        }

        void checkInvariants() throws Exception {
            db.tx(() -> {
                List<SaleOutcome> sales = new ArrayList<>();
                for (String tillId : expectedCash.keySet()) {
                    sales.addAll(tills.salesOf(tillId));
                    // the drawer: what the journal says it should hold is what the model's drawer took and paid out
                    TillSession t = tills.till(tillId).orElseThrow();
                    assertEquals(Money.ofCents(expectedCash.get(tillId)), tills.ledger(t).expectedCash(), "till " + tillId);
                }
                Map<String, Integer> yearsPaid = new HashMap<>();
                Map<String, Long> caseMoney = new HashMap<>();
                for (SaleOutcome sale : sales) {
                    boolean live = tills.reversalOf(sale.paymentId()).isEmpty();
                    assertEquals(!reversedPayments.contains(sale.paymentId()), live, sale.transactionNo());
                    for (Payments.TiedLine l : payments.ties(sale)) {
                        assertTrue(l.tie() != Tie.UNTIED, "untied money: " + l);
                    }
                    for (SaleLine l : sale.lines()) {
                        Payable p = Payable.parse(l.pays());
                        if (p instanceof Payable.SubscriptionExtension x && live) {
                            yearsPaid.merge(x.serialHex(), x.years(), Integer::sum);
                        } else if (p instanceof Payable.CaseFee f) {
                            caseMoney.merge(f.caseRef(), live ? l.amount().cents() : 0, Long::sum);
                        }
                    }
                }
                for (String serial : subscriptions.serials) {
                    assertEquals(subscriptions.original.get(serial).plusYears(yearsPaid.getOrDefault(serial, 0)),
                            subscriptions.certs.get(serial).subscriptionEnd(), "the subscription of " + serial);
                }
                for (String ref : cases.refs) {
                    assertEquals(caseMoney.getOrDefault(ref, 0L) > 0, cases.cases.get(ref).paymentId() != null, "case " + ref);
                }
                JournalVerifier.Report v = JournalVerifier.verify(db.getConnection(), journalKey.getPublic());
                assertTrue(v.intact(), v.findings().toString());
                return null;
            });
        }
    }

    /** Subscription extensions under the registry's rules ({@link SubscriberCertificate}), kept in memory. */
    static final class Subscriptions implements PayableKind {
        final List<String> serials = new ArrayList<>();
        final Map<String, SubscriberCertificate> certs = new HashMap<>();
        final Map<String, LocalDate> original = new HashMap<>();
        final Map<String, LocalDate[]> paid = new HashMap<>();
        final Set<String> reversed = new HashSet<>();

        void add(SubscriberCertificate c) {
            serials.add(c.serialHex());
            certs.put(c.serialHex(), c);
            original.put(c.serialHex(), c.subscriptionEnd());
        }

        private static Variant variant(SubscriberCertificate c) {
            return CATALOGUE.type(c.typeCode()).variant(c.variantCode());
        }

        private SubscriberCertificate cert(Payable p) {
            SubscriberCertificate c = certs.get(((Payable.SubscriptionExtension) p).serialHex());
            if (c == null) {
                throw new RegistryRefusal(new Bilingual("No certificate.", "沒有證書。"));
            }
            return c;
        }

        @Override
        public boolean sells(Payable p) {
            return p instanceof Payable.SubscriptionExtension;
        }

        @Override
        public Optional<String> officeOf(Payable p) {
            return Optional.empty();
        }

        @Override
        public List<SaleLine> price(Payable p) {
            Payable.SubscriptionExtension x = (Payable.SubscriptionExtension) p;
            SubscriberCertificate c = cert(p);
            c.extendedBy(variant(c), x.years(), tills.today());
            Quote q = FEES.quoteExtension(variant(c), x.years(), tills.today());
            return q.lines().stream().map(l -> new SaleLine("EXT-" + x.serialHex(), l.item().code(), l.item().name(),
                    c.typeCode(), l.quantity(), l.amount(), p.code())).toList();
        }

        @Override
        public void bought(Payable p, String paymentId, String actor) {
            SubscriberCertificate c = cert(p);
            LocalDate newEnd = c.extendedBy(variant(c), ((Payable.SubscriptionExtension) p).years(), tills.today());
            paid.put(paymentId + "/" + c.serialHex(), new LocalDate[] {c.subscriptionEnd(), newEnd});
            certs.put(c.serialHex(), withEnd(c, newEnd));
        }

        @Override
        public void checkReversal(Payable p, String paymentId) {
            LocalDate[] e = paid.get(paymentId + "/" + cert(p).serialHex());
            if (e != null && !reversed.contains(paymentId + "/" + cert(p).serialHex())) {
                cert(p).withoutExtension(e[0], e[1], false);
            }
        }

        @Override
        public void reversed(Payable p, String paymentId, String actor) {
            SubscriberCertificate c = cert(p);
            String key = paymentId + "/" + c.serialHex();
            LocalDate[] e = paid.get(key);
            if (e != null && reversed.add(key)) {
                certs.put(c.serialHex(), withEnd(c, c.withoutExtension(e[0], e[1], false)));
            }
        }

        @Override
        public Tie tieOf(Payable p, String paymentId) {
            String key = paymentId + "/" + cert(p).serialHex();
            return paid.containsKey(key) && !reversed.contains(key) ? Tie.TIED : Tie.UNTIED;
        }

        @Override
        public List<Owed> refundsOwed(String office) {
            return List.of();
        }

        private static SubscriberCertificate withEnd(SubscriberCertificate c, LocalDate end) {
            return new SubscriberCertificate(c.serialHex(), c.srn(), c.typeCode(), c.variantCode(), c.issuingCa(), c.subjectName(),
                    c.hkidMasked(), c.brNumber(), c.validFrom(), c.validTo(), end, c.recordedStatus(), c.medium(), c.arName(), c.aeoi());
        }
    }

    /** Renewal cases' fees under the case's own rules ({@link RenewalCase}), kept in memory with their offices. */
    static final class Cases implements PayableKind {
        final List<String> refs = new ArrayList<>();
        final Map<String, RenewalCase> cases = new HashMap<>();
        final Map<String, String> offices = new HashMap<>();

        void add(RenewalCase k, String office) {
            refs.add(k.caseRef());
            cases.put(k.caseRef(), k);
            offices.put(k.caseRef(), office);
        }

        void rejectIfVetting(int i) {
            RenewalCase k = cases.get(refs.get(i % refs.size()));
            if (k.state() == RenewalCase.State.VETTING) {
                k.reject("officer-hkpca", "The form's signature does not match.");
            }
        }

        private RenewalCase load(Payable p) {
            RenewalCase k = cases.get(p.reference());
            if (k == null) {
                throw new CaseRefusal("No case " + p.reference() + ".", "沒有個案。");
            }
            return k;
        }

        @Override
        public boolean sells(Payable p) {
            return p instanceof Payable.CaseFee;
        }

        @Override
        public Optional<String> officeOf(Payable p) {
            return Optional.ofNullable(offices.get(p.reference()));
        }

        @Override
        public List<SaleLine> price(Payable p) {
            RenewalCase k = load(p);
            k.requirePayable();
            Quote q = FEES.quoteRenewal(CATALOGUE.type(k.typeCode()).variant(k.variantCode()), k.years(), k.chargedUnits(),
                    tills.today());
            return q.lines().stream().map(l -> new SaleLine(k.caseRef(), l.item().code(), l.item().name(), k.typeCode(),
                    l.quantity(), l.amount(), p.code())).toList();
        }

        @Override
        public void bought(Payable p, String paymentId, String actor) {
            RenewalCase k = load(p);
            k.paid(paymentId, actor);
            if (k.completeAtTheCounter(true)) {
                k.submitForVetting(true, actor);
            }
        }

        @Override
        public void checkReversal(Payable p, String paymentId) {
            load(p).requireReversible(paymentId);
        }

        @Override
        public void reversed(Payable p, String paymentId, String actor) {
            load(p).paymentReversed(paymentId);
        }

        @Override
        public List<Owed> refundsOwed(String office) {
            return refs.stream().filter(r -> office.equals(offices.get(r)) && cases.get(r).refundOwed())
                    .map(r -> new Owed(new Payable.CaseFee(r), cases.get(r).paymentId())).toList();
        }

        @Override
        public Tie tieOf(Payable p, String paymentId) {
            RenewalCase k = load(p);
            return paymentId.equals(k.paymentId()) ? (k.refundOwed() ? Tie.REFUND_OWED : Tie.TIED) : Tie.UNTIED;
        }
    }
}

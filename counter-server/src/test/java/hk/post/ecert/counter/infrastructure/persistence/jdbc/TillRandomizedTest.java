package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.OfficeDayBook;
import hk.post.ecert.counter.infrastructure.report.ZReport;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.Denomination;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalVerifier;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of random sales, voids, refunds, drops and pickups across four counters and several till sessions,
 * checked against an independent model of each drawer: the journal's figures equal the tills' expected cash and
 * the Z report, to the cent, and the journal verifies.
 */
class TillRandomizedTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);
    static final String[][] ITEMS = {
            {"PERSONAL_EXTENSION_PER_YEAR", "PERSONAL", "4800"}, {"PERSONAL_RENEWAL", "PERSONAL", "4800"},
            {"ORGANISATIONAL_RENEWAL", "ORGANISATIONAL", "15000"}, {"ENCIPHERMENT_PER_YEAR", "ENCIPHERMENT", "2400"},
            {"SERVER_PER_YEAR", "SERVER", "250000"}};

    /** What the model expects of one till session. */
    static final class Drawer {
        final String tillId;
        final String clerk;
        long cash;
        long counted;
        boolean closed;
        final Map<TenderKind, Long> tenders = new EnumMap<>(TenderKind.class);

        Drawer(String tillId, String clerk, long cash) {
            this.tillId = tillId;
            this.clerk = clerk;
            this.cash = cash;
        }
    }

    /** A sale the model remembers, to void or refund it later. */
    record Sold(String txn, String tillId, long total, long cashKept, Map<TenderKind, Long> tenders) {
    }

    @Test
    void randomTradeReconcilesToTheCent() throws Exception {
        long seed = Long.getLong("pos.seed", System.nanoTime());
        Random rnd = new Random(seed);
        TestDatabase db = new TestDatabase();
        TillBook book = new TillBook(new Journal(CLOCK), CLOCK, hk.post.ecert.counter.infrastructure.persistence.jdbc.JdbcTillRecords::new);
        OfficeDayBook day = new OfficeDayBook(new Journal(CLOCK), CLOCK, hk.post.ecert.counter.infrastructure.persistence.jdbc.JdbcTillRecords::new);
        String[] counters = {"C01", "C02", "C03", "C04"};
        Map<String, Drawer> open = new HashMap<>();
        List<Drawer> all = new ArrayList<>();
        List<Sold> sold = new ArrayList<>();
        java.util.Set<String> reversed = new java.util.HashSet<>();
        long expectedNet = 0;
        long expectedVariance = 0;
        int ops = 0;
        int sales = 0;
        int voids = 0;
        int refunds = 0;
        int drops = 0;
        int pickups = 0;
        int sessions = 0;
        try {
            for (int i = 0; i < 3000; i++) {
                String counter = counters[rnd.nextInt(counters.length)];
                Drawer d = open.get(counter);
                if (d == null) {
                    String till = "T" + (++sessions);
                    String clerk = "clerk-" + counter + "-" + sessions;
                    long floatCents = 100_00L * (5 + rnd.nextInt(20));
                    db.tx(c -> book.open(c, till, "GPO", counter, clerk, CashCount.of(Money.ofCents(floatCents))));
                    d = new Drawer(till, clerk, floatCents);
                    open.put(counter, d);
                    all.add(d);
                    continue;
                }
                Drawer dr = d;
                int op = rnd.nextInt(100);
                ops++;
                if (op < 70) {
                    List<SaleLine> lines = new ArrayList<>();
                    long total = 0;
                    for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
                        String[] it = ITEMS[rnd.nextInt(ITEMS.length)];
                        long cents = Long.parseLong(it[2]);
                        lines.add(new SaleLine("CASE-" + i, it[0], new Bilingual(it[0], it[0]), it[1], 1, Money.ofCents(cents), "CASE:CASE-" + i));
                        total += cents;
                    }
                    List<Tender> tenders = new ArrayList<>();
                    Map<TenderKind, Long> byKind = new EnumMap<>(TenderKind.class);
                    long cashKept;
                    long rest = total;
                    int style = rnd.nextInt(4);
                    if (style == 1 || style == 3) {
                        long eps = style == 1 ? total : 10 * (1 + rnd.nextInt((int) (total / 10)));
                        tenders.add(Tender.eps(Money.ofCents(eps), "EPS" + i));
                        byKind.merge(TenderKind.EPS, eps, Long::sum);
                        rest -= eps;
                    } else if (style == 2) {
                        TenderKind k = rnd.nextBoolean() ? TenderKind.CHEQUE : TenderKind.CASHIER_ORDER;
                        tenders.add(Tender.paper(k, Money.ofCents(total), "HSBC", String.format("%06d", i),
                                book.today().minusDays(rnd.nextInt(150)), Tender.PAYEE));
                        byKind.merge(k, total, Long::sum);
                        rest = 0;
                    }
                    cashKept = rest;
                    if (rest > 0) {
                        long given = rest + 10L * rnd.nextInt(5000);
                        tenders.add(Tender.cash(Money.ofCents(given)));
                    }
                    if (cashKept > 0) {
                        byKind.merge(TenderKind.CASH, cashKept, Long::sum);
                    }
                    String pid = "P-" + i;
                    var out = db.tx(c -> book.pay(c, pid, dr.tillId, dr.clerk, lines, tenders));
                    if (rnd.nextInt(10) == 0) {   // a replayed submit
                        var again = db.tx(c -> book.pay(c, pid, dr.tillId, dr.clerk, lines, tenders));
                        assertEquals(out.transactionNo(), again.transactionNo());
                    }
                    dr.cash += cashKept;
                    byKind.forEach((k, v) -> dr.tenders.merge(k, v, Long::sum));
                    expectedNet += total;
                    sold.add(new Sold(out.transactionNo(), dr.tillId, total, cashKept, byKind));
                    sales++;
                } else if (op < 78 && !sold.isEmpty()) {
                    List<Sold> mine = sold.stream().filter(x -> x.tillId().equals(dr.tillId)).toList();
                    Sold s = rnd.nextBoolean() && !mine.isEmpty() ? mine.get(rnd.nextInt(mine.size()))
                            : sold.get(rnd.nextInt(sold.size()));
                    if (reversed.contains(s.txn())) {
                        continue;
                    }
                    Drawer origin = all.stream().filter(x -> x.tillId.equals(s.tillId())).findFirst().orElseThrow();
                    boolean isVoid = origin == dr;
                    if (!isVoid && s.total() > dr.cash) {
                        continue;   // not enough cash in this drawer for a cash refund; the model skips it
                    }
                    db.tx(c -> book.reverse(c, "R-" + s.txn(), isVoid, s.txn(), dr.tillId, dr.clerk, "random", "super1"));
                    reversed.add(s.txn());
                    if (isVoid) {
                        dr.cash -= s.cashKept();
                        s.tenders().forEach((k, v) -> dr.tenders.merge(k, -v, Long::sum));
                        voids++;
                    } else {
                        dr.cash -= s.total();
                        dr.tenders.merge(TenderKind.CASH, -s.total(), Long::sum);
                        refunds++;
                    }
                    expectedNet -= s.total();
                } else if (op < 86) {
                    long amount = 10_000L * rnd.nextInt(10);
                    if (amount == 0 || amount > dr.cash) {
                        continue;
                    }
                    // a fresh request id each time (the drawer's total can repeat; an id must not)
                    String dropId = "D-" + dr.tillId + "-" + Long.toHexString(rnd.nextLong());
                    db.tx(c -> book.moveCash(c, dropId, dr.tillId, dr.clerk, true,
                            CashCount.of(Money.ofCents(amount))));
                    dr.cash -= amount;
                    drops++;
                } else if (op < 94) {
                    long amount = 1_000L * (1 + rnd.nextInt(20));
                    String pickupId = "K-" + dr.tillId + "-" + Long.toHexString(rnd.nextLong());
                    db.tx(c -> book.moveCash(c, pickupId, dr.tillId, dr.clerk, false,
                            new CashCount(Map.of(Denomination.COIN_10, (int) (amount / 1000)))));
                    dr.cash += amount;
                    pickups++;
                } else if (op < 97) {
                    // a clerk's shift ends: blind close, sometimes with a variance
                    long variance = rnd.nextInt(3) == 0 ? 10L * (rnd.nextInt(2001) - 1000) : 0;
                    long count = Math.max(0, dr.cash + variance);
                    variance = count - dr.cash;
                    var close = db.tx(c -> book.closeBlind(c, dr.tillId, dr.clerk, CashCount.of(Money.ofCents(count))));
                    assertEquals(dr.cash, close.expected().cents(), "expected cash of " + dr.tillId + " (seed " + seed + ")");
                    if (variance != 0) {
                        db.tx(c -> book.explainVariance(c, dr.tillId, dr.clerk, "random variance", Money.ofDollars(50)));
                        if (Math.abs(variance) > 5_000) {
                            db.tx(c -> { book.signOff(c, dr.tillId, "super1", "seen"); return null; });
                        }
                    }
                    dr.counted = count;
                    dr.closed = true;
                    expectedVariance += variance;
                    open.remove(counter);
                } else {
                    // a refused request changes nothing
                    try {
                        String badId = "BAD-" + dr.tillId + "-" + Long.toHexString(rnd.nextLong());
                        db.tx(c -> book.pay(c, badId, dr.tillId, dr.clerk,
                                List.of(new SaleLine("CASE", "PERSONAL_RENEWAL", new Bilingual("x", "x"), "PERSONAL", 1,
                                        Money.ofCents(4800), "CASE:CASE")), List.of(Tender.cash(Money.ofCents(4700)))));
                        throw new AssertionError("a short payment was accepted");
                    } catch (PosRefusal expected) {
                        assertEquals(PosRefusal.Reason.SHORT, expected.reason());
                    }
                }
            }
            for (Map.Entry<String, Drawer> e : new ArrayList<>(open.entrySet())) {
                Drawer dr = e.getValue();
                var close = db.tx(c -> book.closeBlind(c, dr.tillId, dr.clerk, CashCount.of(Money.ofCents(dr.cash))));
                assertEquals(dr.cash, close.expected().cents(), "expected cash of " + dr.tillId + " (seed " + seed + ")");
                dr.counted = dr.cash;
                dr.closed = true;
            }
            for (Drawer dr : all) {
                TillLedger l = db.tx(c -> book.ledger(c, book.till(c, dr.tillId).orElseThrow()));
                assertEquals(dr.cash, l.expectedCash().cents(), dr.tillId + " (seed " + seed + ")");
                for (TenderKind k : TenderKind.values()) {
                    long model = dr.tenders.getOrDefault(k, 0L);
                    long journal = l.byTender().containsKey(k) ? l.byTender().get(k).cents() : 0;
                    assertEquals(model, journal, dr.tillId + " " + k + " (seed " + seed + ")");
                }
            }
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            DayReport z = db.tx(c -> day.closeOfficeDay(c, "GPO", book.today(), "super1", key, "k", new ZReport()));
            assertEquals(expectedNet, z.netTakings().cents(), "seed " + seed);
            assertEquals(expectedVariance, z.variance().cents(), "seed " + seed);
            assertEquals(all.stream().mapToLong(d -> d.counted).sum(), z.counted().cents());
            long byItem = z.byFeeItem().values().stream().mapToLong(a -> a[1]).sum();
            long byType = z.byCertificateType().values().stream().mapToLong(a -> a[1]).sum();
            long byClerk = z.byClerk().values().stream().mapToLong(a -> a[1]).sum();
            assertEquals(expectedNet, byItem);
            assertEquals(expectedNet, byType);
            assertEquals(expectedNet, byClerk);
            String csv = db.tx(c -> day.storedReport(c, "GPO", book.today())).orElseThrow()[0];
            assertTrue(csv.contains("total,sales," + sales + "," + ZReport.plain(expectedNet)), csv);
            JournalVerifier.Report v = db.tx(c -> JournalVerifier.verify(c, key.getPublic()));
            assertTrue(v.intact(), v.findings().toString());
            System.out.printf("random trade (seed %d): %d ops, %d sessions, %d sales, %d voids, %d refunds, %d drops,"
                            + " %d pickups, net %s, variance %s, %d journal entries%n", seed, ops, sessions, sales, voids,
                    refunds, drops, pickups, Money.ofCents(expectedNet), Money.ofCents(expectedVariance), v.entries());
            assertTrue(sales > 1000 && voids > 10 && refunds > 10 && drops > 10 && pickups > 10);
        } finally {
            db.close();
        }
    }
}

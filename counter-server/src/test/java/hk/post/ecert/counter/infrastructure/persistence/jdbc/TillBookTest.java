package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.infrastructure.persistence.jdbc.OfficeDayBook;
import hk.post.ecert.counter.infrastructure.report.ZReport;
import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.Responsibility;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TillSession;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TillBookTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);
    static final SaleLine EXT = new SaleLine("CASE-1", "PERSONAL_EXTENSION_PER_YEAR", new Bilingual("Extension", "延長"),
            "PERSONAL", 1, Money.ofCents(4800), "CASE:CASE-1");
    static final Responsibility GPO_STAFF = (user, office, counter) -> user.startsWith("gpo-");

    TestDatabase db;
    TillBook book;
    OfficeDayBook day;

    @BeforeEach
    void setUp() throws SQLException {
        db = new TestDatabase();
        book = new TillBook(new Journal(CLOCK), CLOCK, hk.post.ecert.counter.infrastructure.persistence.jdbc.JdbcTillRecords::new);
        day = new OfficeDayBook(new Journal(CLOCK), CLOCK, hk.post.ecert.counter.infrastructure.persistence.jdbc.JdbcTillRecords::new);
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    static CashCount hundreds(int n) {
        return new CashCount(Map.of(Denomination.NOTE_100, n));
    }

    TillSession open(String till, String counter, String clerk) throws SQLException {
        return db.tx(c -> book.open(c, till, "GPO", counter, clerk, hundreds(10)));
    }

    PosRefusal.Reason refused(TestDatabase.Work<?> w) {
        return assertThrows(PosRefusal.class, () -> db.tx(w)).reason();
    }

    @Test
    void aRepeatedPaymentIsAnsweredWithTheFirstOutcomeAndChargedOnce() throws Exception {
        open("T1", "C01", "clerk1");
        var first = db.tx(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofDollars(50)))));
        assertFalse(first.repeat());
        assertEquals(Money.ofCents(200), first.change());
        var again = db.tx(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofDollars(50)))));
        assertTrue(again.repeat());
        assertEquals(first.transactionNo(), again.transactionNo());
        assertEquals(PosRefusal.Reason.ID_REUSED,
                refused(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofDollars(100))))));
        TillLedger l = db.tx(c -> book.ledger(c, book.till(c, "T1").orElseThrow()));
        assertEquals(1, l.sales());
        assertEquals(Money.ofCents(100_000 + 4800), l.expectedCash());
    }

    @Test
    void concurrentDoubleSubmitsOfOnePaymentChargeOnce() throws Exception {
        open("T1", "C01", "clerk1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SaleOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<SaleOutcome> call = () -> db.tx(c -> book.pay(c, "P-CLICK", "T1", "clerk1", List.of(EXT),
                        List.of(Tender.cash(Money.ofCents(4800)))));
                futures.add(pool.submit(call));
            }
            java.util.Set<String> txns = new java.util.HashSet<>();
            for (Future<SaleOutcome> f : futures) {
                txns.add(f.get().transactionNo());
            }
            assertEquals(1, txns.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, db.tx(c -> book.ledger(c, book.till(c, "T1").orElseThrow())).sales());
        assertEquals(2, db.tx(c -> Journal.entries(c, "GPO-C01")).size());   // opened + one sale
    }

    @Test
    void voidInTheSameSessionRefundLaterBothNeedAnotherPersonAndAReason() throws Exception {
        open("T1", "C01", "clerk1");
        var sale = db.tx(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT),
                List.of(Tender.eps(Money.ofCents(2800), "EPS0001"), Tender.cash(Money.ofCents(5000)))));
        assertEquals(PosRefusal.Reason.SELF_APPROVAL,
                refused(c -> book.reverse(c, "V-1", true, sale.transactionNo(), "T1", "clerk1", "wrong item", "clerk1")));
        assertEquals(PosRefusal.Reason.REASON_NEEDED,
                refused(c -> book.reverse(c, "V-1", true, sale.transactionNo(), "T1", "clerk1", " ", "super1")));
        assertEquals(PosRefusal.Reason.REFUND_SAME_SESSION,
                refused(c -> book.reverse(c, "R-1", false, sale.transactionNo(), "T1", "clerk1", "x", "super1")));
        var v = db.tx(c -> book.reverse(c, "V-1", true, sale.transactionNo(), "T1", "clerk1", "wrong item", "super1"));
        assertEquals("VOID", v.kind());
        assertEquals(Money.ofCents(2000), v.cashOut());   // HK$50 tendered, HK$30 change: HK$20 cash kept goes back
        assertTrue(db.tx(c -> book.reverse(c, "V-1", true, sale.transactionNo(), "T1", "clerk1", "wrong item", "super1")).repeat());
        assertEquals(PosRefusal.Reason.ALREADY_REVERSED,
                refused(c -> book.reverse(c, "V-2", true, sale.transactionNo(), "T1", "clerk1", "again", "super1")));
        TillLedger l = db.tx(c -> book.ledger(c, book.till(c, "T1").orElseThrow()));
        assertEquals(Money.ofCents(100_000), l.expectedCash());
        assertEquals(Money.ZERO, l.netTakings());

        var sale2 = db.tx(c -> book.pay(c, "P-2", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofCents(4800)))));
        db.tx(c -> book.closeBlind(c, "T1", "clerk1", new CashCount(Map.of(Denomination.NOTE_100, 10, Denomination.NOTE_20, 2,
                Denomination.COIN_5, 1, Denomination.COIN_2, 1, Denomination.COIN_1, 1))));
        open("T2", "C02", "clerk2");
        assertEquals(PosRefusal.Reason.VOID_OTHER_SESSION,
                refused(c -> book.reverse(c, "V-3", true, sale2.transactionNo(), "T2", "clerk2", "x", "super1")));
        var r = db.tx(c -> book.reverse(c, "R-1", false, sale2.transactionNo(), "T2", "clerk2", "customer changed mind", "super1"));
        assertEquals("REFUND", r.kind());
        TillLedger t2 = db.tx(c -> book.ledger(c, book.till(c, "T2").orElseThrow()));
        assertEquals(Money.ofCents(100_000 - 4800), t2.expectedCash());
        assertEquals(1, t2.refunds());
    }

    @Test
    void blindCloseIsOneGuardedTransitionWithVarianceReasonAndSignOff() throws Exception {
        open("T1", "C01", "clerk1");
        db.tx(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofCents(4800)))));
        db.tx(c -> book.moveCash(c, "D-1", "T1", "clerk1", true, hundreds(5)));
        db.tx(c -> book.moveCash(c, "D-1", "T1", "clerk1", true, hundreds(5)));   // repeat: one drop
        assertEquals(PosRefusal.Reason.DROP_OVER_CASH, refused(c -> book.moveCash(c, "D-2", "T1", "clerk1", true, hundreds(6))));
        db.tx(c -> book.moveCash(c, "K-1", "T1", "clerk1", false, new CashCount(Map.of(Denomination.COIN_10, 20))));
        // expected: 1000 + 48 - 500 + 200 = 748; counted 700 → variance -48
        var close = db.tx(c -> book.closeBlind(c, "T1", "clerk1", hundreds(7)));
        assertEquals(Money.ofCents(74_800), close.expected());
        assertEquals(Money.ofCents(-4_800), close.variance());
        assertEquals(TillSession.Status.COUNTED, close.status());
        assertEquals(PosRefusal.Reason.ALREADY_CLOSED, refused(c -> book.closeBlind(c, "T1", "clerk1", hundreds(7))));
        assertEquals(PosRefusal.Reason.TILL_NOT_OPEN,
                refused(c -> book.pay(c, "P-2", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofCents(4800))))));
        assertEquals(PosRefusal.Reason.TILL_NOT_OPEN, refused(c -> book.moveCash(c, "D-3", "T1", "clerk1", true, hundreds(1))));
        assertEquals(PosRefusal.Reason.REASON_NEEDED, refused(c -> book.explainVariance(c, "T1", "clerk1", "", Money.ofDollars(20))));
        assertEquals(TillSession.Status.AWAITING_SIGNOFF,
                db.tx(c -> book.explainVariance(c, "T1", "clerk1", "customer short-changed?", Money.ofDollars(20))));
        assertEquals(PosRefusal.Reason.SELF_APPROVAL, refused(c -> { book.signOff(c, "T1", "clerk1", "ok"); return null; }));
        db.tx(c -> { book.signOff(c, "T1", "super1", "recounted with clerk"); return null; });
        TillLedger l = db.tx(c -> book.ledger(c, book.till(c, "T1").orElseThrow()));
        assertEquals(Money.ofCents(-4_800), l.variance().orElseThrow());
        assertEquals("super1", l.signedOffBy().orElseThrow());
        assertEquals(TillSession.Status.CLOSED, db.tx(c -> book.till(c, "T1").orElseThrow()).status());
    }

    @Test
    void oneOpenTillPerCounterAndClosingTwiceIsImpossibleUnderRace() throws Exception {
        open("T1", "C01", "clerk1");
        assertEquals(PosRefusal.Reason.TILL_ALREADY_OPEN, refused(c -> book.open(c, "T9", "GPO", "C01", "clerk2", hundreds(1))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> {
                    try {
                        return db.tx(c -> book.closeBlind(c, "T1", "clerk1", hundreds(10)));
                    } catch (PosRefusal e) {
                        return e.reason();
                    }
                }));
            }
            int closed = 0;
            int refusedTwice = 0;
            for (Future<Object> f : fs) {
                Object o = f.get();
                if (o instanceof CloseOutcome) {
                    closed++;
                } else if (o == PosRefusal.Reason.ALREADY_CLOSED) {
                    refusedTwice++;
                }
            }
            assertEquals(1, closed);
            assertEquals(3, refusedTwice);
        } finally {
            pool.shutdown();
        }
        long counts = db.tx(c -> Journal.entries(c, "GPO-C01")).stream().filter(e -> e.kind().equals("TILL_COUNTED")).count();
        assertEquals(1, counts);
    }

    @Test
    void correctionsNeedTwoPeopleOneResponsibleAndAreNewEntries() throws Exception {
        open("T1", "C01", "gpo-clerk1");
        db.tx(c -> { day.proposeCorrection(c, "K-1", "T1", TenderKind.CASH, Money.ofCents(-1000), "float miscounted",
                "safe log p.12", "hq-auditor"); return null; });
        assertEquals(PosRefusal.Reason.SECOND_PERSON, refused(c -> { day.approveCorrection(c, "K-1", "hq-auditor", GPO_STAFF); return null; }));
        assertEquals(PosRefusal.Reason.NOT_RESPONSIBLE, refused(c -> { day.approveCorrection(c, "K-1", "hq-other", GPO_STAFF); return null; }));
        int before = db.tx(c -> Journal.entries(c, "GPO-C01")).size();
        db.tx(c -> { day.approveCorrection(c, "K-1", "gpo-super1", GPO_STAFF); return null; });
        var entries = db.tx(c -> Journal.entries(c, "GPO-C01"));
        assertEquals(before + 1, entries.size());
        assertEquals("CORRECTION", entries.get(entries.size() - 1).kind());
        TillLedger l = db.tx(c -> book.ledger(c, book.till(c, "T1").orElseThrow()));
        assertEquals(Money.ofCents(99_000), l.expectedCash());
        assertTrue(l.correctionNotes().get(0).contains("approved by gpo-super1"), l.correctionNotes().toString());
        assertEquals(PosRefusal.Reason.NO_SUCH_CORRECTION, refused(c -> { day.approveCorrection(c, "K-1", "gpo-super1", GPO_STAFF); return null; }));
    }

    @Test
    void officeDayClosesOnceWhenEveryTillIsClosedWithZReportAndSignedCheckpoints() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ZReport z = new ZReport();
        open("T1", "C01", "clerk1");
        open("T2", "C02", "clerk2");
        db.tx(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofDollars(100)))));
        db.tx(c -> book.pay(c, "P-2", "T2", "clerk2", List.of(EXT, new SaleLine("CASE-2", "ENCIPHERMENT_PER_YEAR",
                new Bilingual("Encipherment", "加密"), "ENCIPHERMENT", 1, Money.ofCents(2400), "CASE:CASE-2")),
                List.of(Tender.paper(TenderKind.CHEQUE, Money.ofCents(7200), "HSBC", "000123", book.today(), Tender.PAYEE))));
        db.tx(c -> book.closeBlind(c, "T1", "clerk1", new CashCount(Map.of(Denomination.NOTE_100, 10, Denomination.NOTE_20, 2,
                Denomination.COIN_5, 1, Denomination.COIN_2, 1, Denomination.COIN_1, 1))));
        assertEquals(PosRefusal.Reason.TILLS_STILL_OPEN,
                refused(c -> day.closeOfficeDay(c, "GPO", book.today(), "super1", key, "k1", z)));
        db.tx(c -> book.closeBlind(c, "T2", "clerk2", new CashCount(Map.of(Denomination.NOTE_100, 10, Denomination.NOTE_10, 1))));
        db.tx(c -> book.explainVariance(c, "T2", "clerk2", "found HK$10 note on floor", Money.ofDollars(50)));
        KeyPair receiptKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        DayReport r = db.tx(c -> day.closeOfficeDay(c, "GPO", book.today(), "super1", key, "k1", z, (report, checkpoints) ->
                hk.post.ecert.journal.receipt.ReceiptSeal.seal(hk.post.ecert.counter.application.officeday.OfficeDays.officeDayStatement(report, checkpoints), "R1", receiptKey.getPrivate())));
        assertEquals(PosRefusal.Reason.DAY_CLOSED, refused(c -> day.closeOfficeDay(c, "GPO", book.today(), "super1", key, "k1", z)));
        assertEquals(PosRefusal.Reason.DAY_CLOSED, refused(c -> book.open(c, "T3", "GPO", "C03", "clerk3", hundreds(1))));
        assertEquals(Money.ofCents(4800 * 2 + 2400), r.netTakings());
        assertEquals(Money.ofCents(1000), r.variance());
        assertEquals(2, r.byTender().size());
        assertEquals(7200, r.byTender().get(TenderKind.CHEQUE)[1]);
        assertEquals(9600, r.byFeeItem().get("PERSONAL_EXTENSION_PER_YEAR")[1]);
        assertEquals(2400, r.byCertificateType().get("ENCIPHERMENT")[1]);
        assertEquals(4800, r.byClerk().get("clerk1")[1]);
        String[] stored = db.tx(c -> day.storedReport(c, "GPO", book.today())).orElseThrow();
        assertTrue(stored[0].contains("total,variance,0,10.00"), stored[0]);
        assertTrue(stored[0].contains("tender,CHEQUE,1,72.00"), stored[0]);
        try (PDDocument pdf = Loader.loadPDF(java.util.Base64.getDecoder().decode(stored[1]))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("VARIANCE HK$10.00"), text);
            assertTrue(text.contains("found HK$10 note on floor"), text);
            // issue 18: each counter's signed checkpoint, and a QR that verifies like a receipt's
            assertTrue(text.contains("Signed journal checkpoints") && text.contains("GPO-C01") && text.contains("GPO-C02"), text);
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(pdf.getNumberOfPages() - 1, 150);
            String scanned = hk.post.ecert.forms.scan.QrScanner.read(page).orElseThrow(() -> new AssertionError("no QR read from the Z report"));
            var verdict = hk.post.ecert.journal.receipt.ReceiptSeal.verify(scanned, new hk.post.ecert.journal.receipt.ReceiptKeyring(
                    List.of(new hk.post.ecert.journal.receipt.ReceiptKeyring.Key("R1", receiptKey.getPublic(), false))));
            assertEquals(hk.post.ecert.journal.receipt.ReceiptSeal.Outcome.GENUINE, verdict.outcome());
            assertEquals(hk.post.ecert.journal.receipt.ReceiptStatement.Kind.OFFICE_DAY, verdict.statement().orElseThrow().kind());
            assertEquals("GPO-" + book.today(), verdict.statement().orElseThrow().number());
            assertEquals(4800 * 2 + 2400, verdict.statement().orElseThrow().totalCents());
        }
        JournalVerifier.Report report = db.tx(c -> JournalVerifier.verify(c, key.getPublic()));
        assertTrue(report.intact(), report.findings().toString());
        assertEquals(Integer.valueOf(2), db.<Integer>tx(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM journal_checkpoint")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
    }

    @Test
    void theDatabaseRefusesToEditTheJournalAndTheVerifierNamesATamperedRow() throws Exception {
        open("T1", "C01", "clerk1");
        db.tx(c -> book.pay(c, "P-1", "T1", "clerk1", List.of(EXT), List.of(Tender.cash(Money.ofCents(4800)))));
        assertThrows(SQLException.class, () -> db.tx(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE journal_entry SET amount_cents = 480 WHERE kind = 'SALE'");
            }
        }));
        // Someone with the power to drop the trigger edits the row: the verifier names it.
        db.tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER journal_entry_append_only");
                return s.executeUpdate("UPDATE journal_entry SET amount_cents = 480 WHERE kind = 'SALE'");
            }
        });
        JournalVerifier.Report report = db.tx((Connection c) -> JournalVerifier.verify(c, null));
        assertFalse(report.intact());
        assertEquals(JournalVerifier.Finding.Kind.ALTERED, report.findings().get(0).kind());
        assertEquals(2, report.findings().get(0).seq());
    }
}

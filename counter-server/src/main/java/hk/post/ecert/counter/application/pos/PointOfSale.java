package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.DeviceJobs;
import hk.post.ecert.counter.application.Offices;
import hk.post.ecert.counter.domain.model.catalogue.Bilingual;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.receipt.PaymentReceipt;
import hk.post.ecert.counter.domain.model.receipt.ReceiptLanguage;
import hk.post.ecert.counter.domain.model.receipt.TillSummarySlip;
import hk.post.ecert.counter.domain.model.receipt.VoidRefundReceipt;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.infrastructure.journal.JournalKey;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import hk.post.ecert.devices.printer.ReceiptDocument;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalVerifier;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The point of sale for the screens: each method is one transaction on the counter database through
 * {@link TillBook}, plus the receipts it prints. Supervisors re-authenticate against the same identity store that
 * logs staff in.
 */
@ApplicationScoped
public class PointOfSale {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    hk.post.ecert.counter.application.StaffAccess access;

    @Inject
    jakarta.enterprise.inject.Instance<jakarta.servlet.http.HttpServletRequest> request;

    /** Where a re-authentication comes from: the browser's address, for the per-source throttle. */
    private String source() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    @Inject
    CounterOverview counters;

    @Inject
    StaffDirectory staff;

    @Inject
    DeviceJobs jobs;

    @Inject
    JournalKey journalKey;

    @Inject
    hk.post.ecert.counter.application.receipt.ReceiptSeals seals;

    /** A variance larger than this (either way) needs a supervisor's sign-off. A setting; HK$50.00 by default. */
    @Inject
    @ConfigProperty(name = "counter.till.signoff-threshold-cents", defaultValue = "5000")
    long signOffThresholdCents;

    @Inject
    TillBook book;
    private final ZReport zReport = new ZReport();

    private <T> T db(hk.post.ecert.counter.application.Sql.Work<T> w) {
        return hk.post.ecert.counter.application.Sql.run(dataSource, w);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    public Money signOffThreshold() {
        return Money.ofCents(signOffThresholdCents);
    }

    public LocalDate today() {
        return book.today();
    }

    // ---------------------------------------------------------------- the clerk's till

    /** The clerk's counter in journal terms ("GPO-C01"); refuses staff without a counter. */
    public CounterOverview.CounterPlace placeOf(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        if (p.counter() == null) {
            throw new PosRefusal(PosRefusal.Reason.NO_OPEN_TILL, p.office());
        }
        return p;
    }

    @Transactional
    public Optional<TillSession> openTill(String clerk) {
        CounterOverview.CounterPlace p = placeOf(clerk);
        return db(c -> book.openTillAt(c, TillBook.journalCounter(p.office(), p.counter())));
    }

    /** The clerk's most recent till session today that still needs them (open, or counted with a variance). */
    @Transactional
    public Optional<TillSession> currentTill(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        if (p.counter() == null) {
            return Optional.empty();
        }
        return db(c -> {
            Optional<TillSession> open = book.openTillAt(c, TillBook.journalCounter(p.office(), p.counter()));
            if (open.isPresent()) {
                return open;
            }
            List<TillSession> today = book.tillsOf(c, p.office(), book.today());
            for (int i = today.size() - 1; i >= 0; i--) {
                TillSession t = today.get(i);
                if (t.clerk().equals(clerk) && t.counter().equals(p.counter())) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        });
    }

    @Transactional
    public TillSession open(String tillId, String clerk, CashCount openingFloat) {
        CounterOverview.CounterPlace p = placeOf(clerk);
        return db(c -> book.open(c, tillId, p.office(), p.counter(), clerk, openingFloat));
    }

    @Transactional
    public TillLedger ledger(String tillId) {
        return db(c -> book.ledger(c, book.till(c, tillId).orElseThrow()));
    }

    @Transactional
    public SaleOutcome pay(String paymentId, String tillId, String clerk, List<SaleLine> lines, List<Tender> tenders) {
        return db(c -> book.pay(c, paymentId, tillId, clerk, lines, tenders));
    }

    @Transactional
    public Optional<SaleOutcome> saleByPayment(String paymentId) {
        return db(c -> book.saleByPayment(c, paymentId));
    }

    @Transactional
    public List<SaleOutcome> sales(String tillId) {
        return db(c -> book.salesOf(c, tillId));
    }

    @Transactional
    public Optional<ReversalOutcome> reversalOf(String paymentId) {
        return db(c -> book.reversalOf(c, paymentId));
    }

    /** A void or refund, approved by a supervisor who re-authenticates here. */
    @Transactional
    public ReversalOutcome reverse(String reversalId, boolean isVoid, String transactionNo, String tillId,
                                           String clerk, String reason, String supervisor, char[] password) {
        String approver = authenticateSupervisor(supervisor, password);
        return db(c -> {
            supervisesOfficeOf(c, tillId, approver);
            return book.reverse(c, reversalId, isVoid, transactionNo, tillId, clerk, reason, approver);
        });
    }

    @Transactional
    public Money moveCash(String requestId, String tillId, String clerk, boolean drop, CashCount pieces) {
        return db(c -> book.moveCash(c, requestId, tillId, clerk, drop, pieces));
    }

    @Transactional
    public CloseOutcome closeBlind(String tillId, String clerk, CashCount counted) {
        return db(c -> book.closeBlind(c, tillId, clerk, counted));
    }

    @Transactional
    public TillSession.Status explainVariance(String tillId, String clerk, String reason) {
        return db(c -> book.explainVariance(c, tillId, clerk, reason, signOffThreshold()));
    }

    /**
     * Checks a supervisor's user name and password against the staff identity store.
     *
     * @return the supervisor's user name
     */
    public String authenticateSupervisor(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_REFUSED);
        }
        hk.post.ecert.counter.application.StaffAccess.Outcome r = access.check(username, password, source(),
                hk.post.ecert.counter.application.StaffAccess.Purpose.REAUTHENTICATION);
        if (r.result() == hk.post.ecert.counter.application.StaffAccess.Result.LOCKED) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_LOCKED, username.trim());
        }
        if (r.result() == hk.post.ecert.counter.application.StaffAccess.Result.WAIT) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_WAIT, Long.toString(Math.max(1, r.retryAfter().toSeconds())));
        }
        if (!r.valid() || !r.groups().contains("SUPERVISOR")) {
            throw new PosRefusal(PosRefusal.Reason.SUPERVISOR_REFUSED);
        }
        return r.username();
    }

    // ---------------------------------------------------------------- receipts

    /**
     * Prints the receipt of a sale. {@code printId} equal to the payment id is the original; any other print of it
     * is a COPY and does not open the drawer.
     */
    @Transactional
    public String printReceipt(String paymentId, String printId, String clerk, ReceiptLanguage lang) {
        SaleOutcome s = db(c -> book.saleByPayment(c, paymentId)).orElseThrow(
                () -> new PosRefusal(PosRefusal.Reason.NO_SUCH_SALE, paymentId));
        CounterOverview.CounterPlace p = counters.placeOf(s.clerk());
        List<PaymentReceipt.Item> items = new ArrayList<>();
        s.lines().forEach(l -> items.add(PaymentReceipt.Item.of(l.description(), l.quantity(), l.amount())));
        List<PaymentReceipt.Tender> tenders = new ArrayList<>();
        for (Map<String, Object> t : s.tenders()) {
            TenderKind k = TenderKind.valueOf((String) t.get("kind"));
            String ref = switch (k) {
                case CASH -> null;
                case EPS -> "Ref " + t.get("ref");
                default -> t.get("bank") + " #" + t.get("ref") + " " + t.get("dated");
            };
            tenders.add(new PaymentReceipt.Tender(k.label(), Money.ofCents(hk.post.ecert.counter.domain.model.till.Events.cents(t.get("cents"))),
                    Optional.ofNullable(ref), k == TenderKind.CASH));
        }
        String seal = seals.seal(seals.journalled(ReceiptStatement.Kind.PAYMENT, p.office(), s.transactionNo(), s.at(),
                s.total().cents(), s.lines().stream().map(l -> l.feeItem() + "|" + l.quantity() + "|" + l.amount().cents()).toList()));
        ReceiptDocument doc = PaymentReceipt.compose(new PaymentReceipt.Data(s.paymentId(), Offices.name(p.office()),
                p.counter(), s.clerk(), ZonedDateTime.ofInstant(s.at(), TillBook.HONG_KONG), s.transactionNo(), items,
                tenders, s.change(), Optional.empty(), seal), lang);
        boolean copy = !printId.equals(paymentId);
        return jobs.submitPrintOnce(printId, terminalOf(clerk), copy ? doc.asCopy() : doc,
                (copy ? "COPY of receipt " : "Receipt ") + s.transactionNo() + " " + s.total(), clerk);
    }

    @Transactional
    public String printReversal(ReversalOutcome r, String printId, String clerk, ReceiptLanguage lang) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        ReceiptDocument doc = VoidRefundReceipt.compose(new VoidRefundReceipt.Data(r.reversalId(),
                r.kind().equals("VOID") ? VoidRefundReceipt.Kind.VOID : VoidRefundReceipt.Kind.REFUND,
                Offices.name(p.office()), p.counter(), clerk, ZonedDateTime.ofInstant(r.at(), TillBook.HONG_KONG),
                r.transactionNo(), r.originalTransactionNo(), new Bilingual(r.reason(), r.reason()), r.approver(),
                r.amount(), r.kind().equals("VOID") ? new Bilingual("as paid", "原付款方式") : TenderKind.CASH.label(),
                seals.seal(seals.journalled(r.kind().equals("VOID") ? ReceiptStatement.Kind.VOID : ReceiptStatement.Kind.REFUND,
                        p.office(), r.transactionNo(), r.at(), -r.amount().cents(),
                        List.of(r.originalTransactionNo(), r.reason(), r.approver())))), lang);
        boolean copy = !printId.equals(r.reversalId());
        return jobs.submitPrintOnce(printId, terminalOf(clerk), copy ? doc.asCopy() : doc,
                (copy ? "COPY of " : "") + r.kind() + " " + r.transactionNo(), clerk);
    }

    /** The till's Z slip at close (counted, expected and the variance, as the journal has them). */
    @Transactional
    public String printTillSlip(String tillId, String clerk, ReceiptLanguage lang) {
        TillSession t = db(c -> book.till(c, tillId)).orElseThrow();
        TillLedger l = ledger(tillId);
        List<TillSummarySlip.TenderTotal> takings = new ArrayList<>();
        l.byTender().forEach((k, v) -> takings.add(new TillSummarySlip.TenderTotal(k.label(), v.count(), v.amount())));
        ReceiptDocument doc = TillSummarySlip.compose(new TillSummarySlip.Data("Z-" + tillId, TillSummarySlip.Kind.Z,
                Offices.name(t.office()), t.counter(), tillId, t.clerk(), ZonedDateTime.ofInstant(t.openedAt(), TillBook.HONG_KONG),
                ZonedDateTime.now(TillBook.HONG_KONG), l.sales(), takings, l.openingFloat(), l.drops(), l.pickups(),
                l.expectedAtCount().orElse(l.expectedCash()), l.counted()), lang);
        return jobs.submitPrintOnce("Z-" + tillId, terminalOf(clerk), doc, "Till slip " + tillId, clerk);
    }

    private String terminalOf(String clerk) {
        CounterOverview.CounterPlace p = counters.placeOf(clerk);
        return counters.terminalAt(p).orElseThrow(() -> new IllegalStateException("no enrolled terminal at counter " + p.counter()));
    }

    // ---------------------------------------------------------------- the supervisor's office day

    @Transactional
    public List<TillSession> tillsOf(String office, LocalDate day) {
        return db(c -> book.tillsOf(c, office, day));
    }

    /** A supervisor approves, signs off and closes only for their own office. */
    private void supervisesOfficeOf(java.sql.Connection c, String tillId, String supervisor) throws java.sql.SQLException {
        String office = book.till(c, tillId).map(TillSession::office).orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId));
        supervises(office, supervisor);
    }

    private void supervises(String office, String supervisor) {
        if (!office.equals(counters.placeOf(supervisor).office())) {
            throw new PosRefusal(PosRefusal.Reason.OTHER_OFFICE, supervisor);
        }
    }

    @Transactional
    public void signOff(String tillId, String supervisor, String note) {
        db(c -> {
            supervisesOfficeOf(c, tillId, supervisor);
            book.signOff(c, tillId, supervisor, note);
            return null;
        });
    }

    @Transactional
    public DayReport dayReport(String office, LocalDate day) {
        return db(c -> book.dayReport(c, office, day));
    }

    @Transactional
    public boolean dayClosed(String office, LocalDate day) {
        return db(c -> book.dayClosed(c, office, day));
    }

    @Transactional
    public DayReport closeOfficeDay(String office, LocalDate day, String supervisor) {
        supervises(office, supervisor);
        return db(c -> book.closeOfficeDay(c, office, day, supervisor, journalKey.pair(), journalKey.keyId(), zReport,
                (report, checkpoints) -> checkpoints.isEmpty() ? "" : seals.seal(officeDayStatement(report, checkpoints))));
    }

    /**
     * The Z report's sealed statement: the office and day, the day's net takings, a digest of each counter's signed
     * checkpoint, and the first counter's checkpoint entry as the journal entry it names.
     */
    static ReceiptStatement officeDayStatement(DayReport report, List<hk.post.ecert.journal.JournalCheckpoints.Checkpoint> checkpoints) {
        var first = checkpoints.get(0);
        return new ReceiptStatement(ReceiptStatement.Kind.OFFICE_DAY, report.office(), first.counter(),
                report.office() + "-" + report.day(), first.signedAt(), report.netTakings().cents(),
                ReceiptStatement.linesDigest(checkpoints.stream().map(cp -> cp.counter() + "|" + cp.seq() + "|" + cp.entryHash() + "|"
                        + cp.signature()).toList()), first.seq(), ReceiptStatement.entryHash(first.entryHash()));
    }

    /** The Z report of a closed day as it was produced: [csv, pdf base64]. */
    @Transactional
    public Optional<String[]> storedReport(String office, LocalDate day) {
        return db(c -> book.storedReport(c, office, day));
    }

    @Transactional
    public void proposeCorrection(String correctionId, String tillId, TenderKind tender, Money amount, String reason,
                                  String evidence, String proposer) {
        db(c -> {
            book.proposeCorrection(c, correctionId, tillId, tender, amount, reason, evidence, proposer);
            return null;
        });
    }

    @Transactional
    public void approveCorrection(String correctionId, String approver) {
        db(c -> {
            String till = book.pendingCorrections(c, counters.placeOf(approver).office()).stream()
                    .filter(k -> k.correctionId().equals(correctionId)).map(TillCorrection::tillId).findFirst()
                    .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_SUCH_CORRECTION, correctionId));
            supervisesOfficeOf(c, till, approver);
            book.approveCorrection(c, correctionId, approver, this::responsible);
            return null;
        });
    }

    @Transactional
    public List<TillCorrection> pendingCorrections(String office) {
        return db(c -> book.pendingCorrections(c, office));
    }

    /** A counter's own clerk, or a supervisor of its office, answers for it. */
    boolean responsible(String username, String office, String counter) {
        Optional<StaffMember> m = staff.find(username);
        if (m.isEmpty() || !m.get().officeCode().equals(office)) {
            return false;
        }
        return m.get().counterCode().map(counter::equals).orElse(false) || staff.rolesOf(username).contains("SUPERVISOR");
    }

    /** Walks every counter's chain and the signed checkpoints. */
    public JournalVerifier.Report verifyJournal() {
        return db(c -> JournalVerifier.verify(c, journalKey.pair().getPublic()));
    }
}

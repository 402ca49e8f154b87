package hk.post.ecert.counter.application.officeday;

import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.checkout.Checkout;
import hk.post.ecert.counter.application.checkout.Payments;
import hk.post.ecert.counter.domain.model.checkout.Tie;
import hk.post.ecert.counter.application.kiosk.KioskPayments;
import hk.post.ecert.counter.application.kiosk.KioskSettlements;
import hk.post.ecert.counter.domain.model.kiosk.KioskPayment;
import hk.post.ecert.counter.application.kiosk.Kiosks;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.OfficeDayLedger;
import hk.post.ecert.counter.domain.model.till.Tills;
import hk.post.ecert.journal.JournalVerifier;
import hk.post.ecert.counter.application.receipt.ReceiptSeals;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor's office day: the tills of the day, sign-offs, corrections approved by a second person, and the
 * day's close with its Z report. A supervisor acts only for their own office. Each method is one transaction.
 */
@ApplicationScoped
public class OfficeDays {

    @Inject
    CounterOverview counters;

    @Inject
    StaffDirectory staff;

    @Inject
    ReceiptSeals seals;

    @Inject
    Tills tills;

    @Inject
    Checkout checkout;

    @Inject
    KioskPayments kioskPayments;

    @Inject
    OfficeDayLedger book;

    /** A supervisor approves, signs off and closes only for their own office. */
    private void supervises(String office, String supervisor) {
        counters.requireSupervises(office, supervisor);
    }

    private void supervisesOfficeOf(String tillId, String supervisor) {
        supervises(tills.till(tillId).map(TillSession::office)
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId)), supervisor);
    }

    @Transactional
    public List<TillSession> tillsOf(String office, LocalDate day) {
        return tills.tillsOf(office, day);
    }

    @Transactional
    public void signOff(String tillId, String supervisor, String note) {
        supervisesOfficeOf(tillId, supervisor);
        tills.signOff(tillId, supervisor, note);
    }

    @Transactional
    public DayReport dayReport(String office, LocalDate day) {
        List<DayReport.EpsBatch> eps = epsBatches(office, day);
        return book.dayReport(office, day).withEpsSettlements(eps);
    }

    @Inject
    KioskSettlements kioskSettlements;

    /** The kiosks' EPS settlement batches reported for the day (issue 17). */
    private List<DayReport.EpsBatch> epsBatches(String office, LocalDate day) {
        return kioskSettlements.of(office, day).stream()
                .map(s -> new DayReport.EpsBatch(s.terminalId(), s.batchId(), s.sales(), s.totalCents())).toList();
    }

    @Transactional
    public boolean dayClosed(String office, LocalDate day) {
        return book.dayClosed(office, day);
    }

    @Transactional
    public DayReport closeOfficeDay(String office, LocalDate day, String supervisor) {
        supervises(office, supervisor);
        List<DayReport.EpsBatch> eps = epsBatches(office, day);
        // every dollar of the day is tied to the service it bought (or undone with it) before the day closes
        Payments.DayMoney money = checkout.dayMoney(office, day);
        if (money.untied().cents() != 0) {
            throw new PosRefusal(PosRefusal.Reason.MONEY_UNTIED, money.untied(), String.join(", ", money.sales().stream()
                    .filter(s -> s.lines().stream().anyMatch(l -> l.tie() == Tie.UNTIED))
                    .map(s -> s.sale().transactionNo()).toList()));
        }
        // a kiosk payment whose outcome the device never told is money in limbo: resolved against the batch first
        List<String> unresolved = kioskPayments.unresolved(office).stream().map(KioskPayment::paymentId).toList();
        if (!unresolved.isEmpty()) {
            throw new PosRefusal(PosRefusal.Reason.KIOSK_PAYMENTS_UNRESOLVED, String.join(", ", unresolved));
        }
        // a self-service kiosk's till takes no cash (EPS only): it closes with the day, counted at nothing
        for (TillSession t : tills.tillsOf(office, day)) {
            if (t.status() == TillSession.Status.OPEN && Kiosks.kioskOf(t.clerk()).isPresent()) {
                tills.closeBlind(t.tillId(), t.clerk(), CashCount.empty());
            }
        }
        return book.closeOfficeDay(office, day, supervisor,
                (report, checkpoints) -> checkpoints.isEmpty() ? "" : seals.seal(officeDayStatement(report, checkpoints)), eps);
    }

    /**
     * The Z report's sealed statement: the office and day, the day's net takings, a digest of each counter's signed
     * checkpoint, and the first counter's checkpoint entry as the journal entry it names.
     */
    public static ReceiptStatement officeDayStatement(DayReport report, List<JournalCheckpoints.Checkpoint> checkpoints) {
        var first = checkpoints.get(0);
        return new ReceiptStatement(ReceiptStatement.Kind.OFFICE_DAY, report.office(), first.counter(),
                report.office() + "-" + report.day(), first.signedAt(), report.netTakings().cents(),
                ReceiptStatement.linesDigest(checkpoints.stream().map(cp -> cp.counter() + "|" + cp.seq() + "|" + cp.entryHash() + "|"
                        + cp.signature()).toList()), first.seq(), ReceiptStatement.entryHash(first.entryHash()));
    }

    /** The Z report of a closed day as it was produced: [csv, pdf base64]. */
    @Transactional
    public Optional<String[]> storedReport(String office, LocalDate day) {
        return book.storedReport(office, day);
    }

    @Transactional
    public void proposeCorrection(String correctionId, String tillId, TenderKind tender, Money amount, String reason,
                                  String evidence, String proposer) {
        book.proposeCorrection(correctionId, tillId, tender, amount, reason, evidence, proposer);
    }

    @Transactional
    public void approveCorrection(String correctionId, String approver) {
        String till = book.pendingCorrections(counters.placeOf(approver).office()).stream()
                .filter(k -> k.correctionId().equals(correctionId)).map(TillCorrection::tillId).findFirst()
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.NO_SUCH_CORRECTION, correctionId));
        supervisesOfficeOf(till, approver);
        book.approveCorrection(correctionId, approver, this::responsible);
    }

    @Transactional
    public List<TillCorrection> pendingCorrections(String office) {
        return book.pendingCorrections(office);
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
    @Transactional
    public JournalVerifier.Report verifyJournal() {
        return book.verifyJournal();
    }
}

package hk.post.ecert.counter.application.officeday;

import hk.post.ecert.counter.application.CounterOverview;
import hk.post.ecert.counter.application.Sql;
import hk.post.ecert.counter.application.pos.TillBook;
import hk.post.ecert.counter.application.receipt.ReceiptSeals;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.staff.StaffDirectory;
import hk.post.ecert.counter.domain.model.staff.StaffMember;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.service.JournalSigningKey;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.receipt.ReceiptStatement;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor's office day: the tills of the day, sign-offs, corrections approved by a second person, and the
 * day's close with its Z report. A supervisor acts only for their own office. Each method is one transaction.
 */
@ApplicationScoped
public class OfficeDays {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    CounterOverview counters;

    @Inject
    StaffDirectory staff;

    @Inject
    JournalSigningKey journalKey;

    @Inject
    ReceiptSeals seals;

    @Inject
    TillBook tills;

    @Inject
    OfficeDayBook book;

    private final ZReport zReport = new ZReport();

    private <T> T db(Sql.Work<T> w) {
        return Sql.run(dataSource, w);
    }

    /** A supervisor approves, signs off and closes only for their own office. */
    private void supervises(String office, String supervisor) {
        counters.requireSupervises(office, supervisor);
    }

    private void supervisesOfficeOf(java.sql.Connection c, String tillId, String supervisor) {
        supervises(tills.till(c, tillId).map(TillSession::office)
                .orElseThrow(() -> new PosRefusal(PosRefusal.Reason.TILL_NOT_OPEN, tillId)), supervisor);
    }

    @Transactional
    public List<TillSession> tillsOf(String office, LocalDate day) {
        return db(c -> book.tillsOf(c, office, day));
    }

    @Transactional
    public void signOff(String tillId, String supervisor, String note) {
        db(c -> {
            supervisesOfficeOf(c, tillId, supervisor);
            tills.signOff(c, tillId, supervisor, note);
            return null;
        });
    }

    @Transactional
    public DayReport dayReport(String office, LocalDate day) {
        List<DayReport.EpsBatch> eps = epsBatches(office, day);
        return db(c -> book.dayReport(c, office, day)).withEpsSettlements(eps);
    }

    @Inject
    hk.post.ecert.counter.application.kiosk.KioskSettlements kioskSettlements;

    /** The kiosks' EPS settlement batches reported for the day (issue 17). */
    private List<DayReport.EpsBatch> epsBatches(String office, LocalDate day) {
        return kioskSettlements.of(office, day).stream()
                .map(s -> new DayReport.EpsBatch(s.terminalId(), s.batchId(), s.sales(), s.totalCents())).toList();
    }

    @Transactional
    public boolean dayClosed(String office, LocalDate day) {
        return db(c -> book.dayClosed(c, office, day));
    }

    @Transactional
    public DayReport closeOfficeDay(String office, LocalDate day, String supervisor) {
        supervises(office, supervisor);
        List<DayReport.EpsBatch> eps = epsBatches(office, day);
        return db(c -> {
            // a self-service kiosk's till takes no cash (EPS only): it closes with the day, counted at nothing
            for (hk.post.ecert.counter.domain.model.till.TillSession t : book.tillsOf(c, office, day)) {
                if (t.status() == hk.post.ecert.counter.domain.model.till.TillSession.Status.OPEN
                        && hk.post.ecert.counter.application.kiosk.Kiosks.kioskOf(t.clerk()).isPresent()) {
                    tills.closeBlind(c, t.tillId(), t.clerk(), hk.post.ecert.counter.domain.model.till.CashCount.empty());
                }
            }
            return book.closeOfficeDay(c, office, day, supervisor, journalKey.pair(), journalKey.keyId(), zReport,
                    (report, checkpoints) -> checkpoints.isEmpty() ? "" : seals.seal(officeDayStatement(report, checkpoints)), eps);
        });
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
    public hk.post.ecert.journal.JournalVerifier.Report verifyJournal() {
        return db(c -> hk.post.ecert.journal.JournalVerifier.verify(c, journalKey.pair().getPublic()));
    }
}

package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.domain.model.till.OfficeDayLedger;
import hk.post.ecert.counter.domain.model.till.Responsibility;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.service.JournalSigningKey;
import hk.post.ecert.counter.infrastructure.report.ZReport;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.JournalVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The office day over JDBC ({@link OfficeDayBook}), in the caller's JTA transaction; the Z report drawn by {@link ZReport}. */
@ApplicationScoped
public class JdbcOfficeDayLedger implements OfficeDayLedger {

    @Inject
    DataSource dataSource;   // the TransactionConnection

    @Inject
    JournalSigningKey journalKey;

    private final OfficeDayBook book = new OfficeDayBook(new Journal(), Clock.systemUTC(), JdbcTillRecords::new);

    private final ZReport zReport = new ZReport();

    private <T> T db(Sql.Work<T> w) {
        return Sql.run(dataSource, w);
    }

    @Override
    public boolean dayClosed(String office, LocalDate day) {
        return db(c -> book.dayClosed(c, office, day));
    }

    @Override
    public DayReport dayReport(String office, LocalDate day) {
        return db(c -> book.dayReport(c, office, day));
    }

    @Override
    public DayReport closeOfficeDay(String office, LocalDate day, String by,
                                    BiFunction<DayReport, List<JournalCheckpoints.Checkpoint>, String> sealer,
                                    List<DayReport.EpsBatch> epsSettlements) {
        return db(c -> book.closeOfficeDay(c, office, day, by, journalKey.pair(), journalKey.keyId(), zReport, sealer,
                epsSettlements));
    }

    @Override
    public Optional<String[]> storedReport(String office, LocalDate day) {
        return db(c -> book.storedReport(c, office, day));
    }

    @Override
    public void proposeCorrection(String correctionId, String tillId, TenderKind tender, Money amount, String reason,
                                  String evidence, String proposer) {
        db(c -> {
            book.proposeCorrection(c, correctionId, tillId, tender, amount, reason, evidence, proposer);
            return null;
        });
    }

    @Override
    public void approveCorrection(String correctionId, String approver, Responsibility responsibility) {
        db(c -> {
            book.approveCorrection(c, correctionId, approver, responsibility);
            return null;
        });
    }

    @Override
    public List<TillCorrection> pendingCorrections(String office) {
        return db(c -> book.pendingCorrections(c, office));
    }

    @Override
    public JournalVerifier.Report verifyJournal() {
        return db(c -> JournalVerifier.verify(c, journalKey.pair().getPublic()));
    }
}

package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.till.DayReport;
import hk.post.ecert.counter.infrastructure.report.ZReport;
import hk.post.ecert.counter.domain.model.till.Events;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.PosRefusal.Reason;
import hk.post.ecert.counter.domain.model.till.Responsibility;
import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.model.till.TillRecords;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.JournalEntry;

import java.security.KeyPair;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import static hk.post.ecert.counter.domain.model.till.Events.fields;

/**
 * The office day inside the caller's database transaction: the day's figures of every till, folded from the journal,
 * corrections proposed and approved by two people, and the close — once, when every till is closed — with each counter's signed checkpoint and the Z report.
 */
public final class OfficeDayBook {

    private final Journal journal;
    private final Clock clock;
    private final Function<Connection, TillRecords> records;

    public OfficeDayBook(Journal journal, Clock clock, Function<Connection, TillRecords> records) {
        this.journal = journal;
        this.clock = clock;
        this.records = records;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(TillSession.HONG_KONG));
    }

    public boolean dayClosed(Connection c, String office, LocalDate day) {
        return records.apply(c).dayClosed(office, day);
    }

    /** Till sessions of an office on a business day, oldest first. */
    public List<TillSession> tillsOf(Connection c, String office, LocalDate day) {
        return records.apply(c).tillsOf(office, day);
    }

    /** The day's figures of an office, every till's ledger folded from the journal. */
    public DayReport dayReport(Connection c, String office, LocalDate day) throws SQLException {
        List<TillLedger> ledgers = new ArrayList<>();
        Map<String, List<JournalEntry>> byCounter = new LinkedHashMap<>();
        List<TillSession> tills = tillsOf(c, office, day);
        for (TillSession t : tills) {
            List<JournalEntry> entries = byCounter.get(t.journalCounter());
            if (entries == null) {
                entries = Journal.entries(c, t.journalCounter());
                byCounter.put(t.journalCounter(), entries);
            }
            ledgers.add(TillLedger.of(t.tillId(), entries));
        }
        return new DayReport(office, day, tills, ledgers);
    }

    /**
     * Closes an office's day when every till is closed: one row per office and day (a second close is refused),
     * an OFFICE_DAY_CLOSED entry and a signed checkpoint on each counter's chain, and the Z report as produced.
     */
    public DayReport closeOfficeDay(Connection c, String office, LocalDate day, String by, KeyPair journalKey,
                                    String keyId, ZReport zReport) throws SQLException {
        return closeOfficeDay(c, office, day, by, journalKey, keyId, zReport, (counter, checkpoints) -> "");
    }

    /**
     * As above; the Z report then carries each counter's signed checkpoint and a QR with the day's sealed statement, made
     * by {@code sealer} from the checkpoints (issue 18).
     */
    public DayReport closeOfficeDay(Connection c, String office, LocalDate day, String by, KeyPair journalKey,
                                    String keyId, ZReport zReport,
                                    BiFunction<DayReport, List<JournalCheckpoints.Checkpoint>, String> sealer)
            throws SQLException {
        return closeOfficeDay(c, office, day, by, journalKey, keyId, zReport, sealer, List.of());
    }

    /** As above, with the kiosks' EPS settlement batches in the Z report (issue 17). */
    public DayReport closeOfficeDay(Connection c, String office, LocalDate day, String by, KeyPair journalKey,
                                    String keyId, ZReport zReport,
                                    BiFunction<DayReport, List<JournalCheckpoints.Checkpoint>, String> sealer,
                                    List<DayReport.EpsBatch> epsSettlements)
            throws SQLException {
        TillRecords rows = records.apply(c);
        if (rows.dayClosed(office, day)) {
            throw new PosRefusal(Reason.DAY_CLOSED, office + " " + day);
        }
        List<TillSession> tills = rows.tillsOf(office, day);
        List<String> open = tills.stream().filter(t -> t.status() != TillSession.Status.CLOSED)
                .map(t -> t.journalCounter() + " " + t.clerk() + " (" + t.status() + ")").toList();
        if (!open.isEmpty()) {
            throw new PosRefusal(Reason.TILLS_STILL_OPEN, String.join(", ", open));
        }
        DayReport report = dayReport(c, office, day).withEpsSettlements(epsSettlements);
        // the day's close is journalled and checkpointed first, so that the report carries the signatures
        List<JournalCheckpoints.Checkpoint> checkpoints = new ArrayList<>();
        for (String counter : tills.stream().map(TillSession::journalCounter).distinct().toList()) {
            journal.append(c, counter, Events.OFFICE_DAY_CLOSED, 0, by,
                    Json.write(fields("office", office, "date", day.toString(), "by", by)));
            JournalCheckpoints.checkpoint(c, counter, journalKey, keyId);
            JournalCheckpoints.latest(c, counter).ifPresent(checkpoints::add);
        }
        String seal = sealer.apply(report, checkpoints);
        byte[] pdf = zReport.pdf(report, by, clock.instant(), checkpoints, seal);
        rows.addDayClose(office, day, clock.instant(), by, zReport.csv(report), pdf);
        return report;
    }

    /** The stored Z report of a closed day: CSV text and PDF bytes (base64). */
    public Optional<String[]> storedReport(Connection c, String office, LocalDate day) {
        return records.apply(c).storedReport(office, day);
    }

    // ---------------------------------------------------------------- corrections

    /** Proposes a compensating entry for a till; nothing changes until a second person approves it. */
    public void proposeCorrection(Connection c, String correctionId, String tillId, TenderKind tender, Money amount,
                                  String reason, String evidence, String proposer) {
        TillRecords rows = records.apply(c);
        if (rows.correction(correctionId).isPresent()) {
            return;
        }
        rows.till(tillId).orElseThrow(() -> new PosRefusal(Reason.TILL_NOT_OPEN, tillId));
        rows.addCorrection(TillCorrection.propose(correctionId, tillId, tender, amount, reason, evidence, proposer), clock.instant());
    }

    /**
     * Approves a proposed correction ({@link TillCorrection#checkApproval}). Only now is the compensating entry
     * appended; the original entries stay as they were.
     */
    public void approveCorrection(Connection c, String correctionId, String approver, Responsibility responsibility)
            throws SQLException {
        TillRecords rows = records.apply(c);
        TillCorrection k = rows.correction(correctionId).filter(x -> x.status().equals(TillCorrection.PROPOSED))
                .orElseThrow(() -> new PosRefusal(Reason.NO_SUCH_CORRECTION, correctionId));
        TillSession till = rows.till(k.tillId()).orElseThrow();
        k.checkApproval(approver, till, responsibility);
        if (!rows.approve(correctionId, approver, clock.instant())) {
            throw new PosRefusal(Reason.NO_SUCH_CORRECTION, correctionId);
        }
        journal.append(c, till.journalCounter(), Events.CORRECTION, k.amount().cents(), approver,
                Json.write(fields("till", k.tillId(), "correction", correctionId, "tender", k.tender().name(),
                        "reason", k.reason(), "evidence", k.evidence(), "proposedBy", k.proposedBy(),
                        "approvedBy", approver)));
    }

    public Optional<TillCorrection> correction(Connection c, String correctionId) {
        return records.apply(c).correction(correctionId);
    }

    public List<TillCorrection> pendingCorrections(Connection c, String office) {
        return records.apply(c).pendingCorrections(office);
    }
}

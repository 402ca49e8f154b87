package hk.post.ecert.counter.domain.model.till;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.JournalVerifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * An office's business day as the counter journal has it: the day's figures, its close (journalled, checkpointed and
 * signed on every counter's chain, with the Z report as produced), corrections approved by a second person, and the
 * verification of every chain. Each step in the caller's transaction.
 */
public interface OfficeDayLedger {

    boolean dayClosed(String office, LocalDate day);

    /** The day's figures of an office, every till's ledger folded from the journal. */
    DayReport dayReport(String office, LocalDate day);

    /**
     * Closes an office's day when every till is closed; the Z report carries each counter's signed checkpoint and the
     * day's sealed statement, made by {@code sealer} from the checkpoints, and the kiosks' EPS batches.
     */
    DayReport closeOfficeDay(String office, LocalDate day, String by,
                             BiFunction<DayReport, List<JournalCheckpoints.Checkpoint>, String> sealer,
                             List<DayReport.EpsBatch> epsSettlements);

    /** The stored Z report of a closed day: CSV text and PDF bytes (base64). */
    Optional<String[]> storedReport(String office, LocalDate day);

    void proposeCorrection(String correctionId, String tillId, TenderKind tender, Money amount, String reason,
                           String evidence, String proposer);

    void approveCorrection(String correctionId, String approver, Responsibility responsibility);

    List<TillCorrection> pendingCorrections(String office);

    /** Walks every counter's chain and the signed checkpoints. */
    JournalVerifier.Report verifyJournal();
}

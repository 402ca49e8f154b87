package hk.post.ecert.counter.domain.model.till;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The till's rows, on the caller's transaction: sessions, the rows that guard each sale, reversal and cash movement
 * against a repeat (with the digest of the first request), corrections and the office day's close. The money itself
 * is in the journal; a row names the journal entry that holds it.
 */
public interface TillRecords {

    /** Where a recorded request's money is: its number and journal entry. */
    record Recorded(String id, String transactionNo, String journalCounter, long journalSeq) {
    }

    /** A recorded sale, reversal or cash movement: which till, the request's digest, and its journal entry. */
    record Guard(String id, String tillId, String requestDigest, String transactionNo, String journalCounter,
                 long journalSeq, Instant at) {
    }

    Optional<TillSession> till(String tillId);

    /** The session, locked for the rest of the transaction: two requests on one till are serialised here. */
    Optional<TillSession> lock(String tillId);

    Optional<TillSession> openTillAt(String journalCounter);

    /** Sessions of an office on a business day, oldest first. */
    List<TillSession> tillsOf(String office, LocalDate day);

    void add(TillSession session);

    /** Moves a session from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean move(String tillId, TillSession.Status from, TillSession.Status to, Instant closedAt);

    Optional<Recorded> saleByPayment(String paymentId);

    Optional<Recorded> saleByTransaction(String transactionNo);

    /** A till's sales' payment ids, newest first. */
    List<String> paymentsOf(String tillId);

    void addSale(Guard sale, String office, long totalCents, long changeCents);

    Optional<Recorded> reversalById(String reversalId);

    Optional<Recorded> reversalOfPayment(String paymentId);

    void addReversal(Guard reversal, String paymentId, String kind);

    /** The digest a sale, reversal or cash movement was first recorded with. */
    Optional<String> saleDigest(String paymentId);

    Optional<String> reversalDigest(String reversalId);

    Optional<String> requestDigest(String requestId);

    void addRequest(Guard request);

    Optional<TillCorrection> correction(String correctionId);

    /** Corrections proposed at an office and not yet decided, oldest first. */
    List<TillCorrection> pendingCorrections(String office);

    void addCorrection(TillCorrection proposal, Instant at);

    /** Records the approval; false when the correction was no longer proposed. */
    boolean approve(String correctionId, String approver, Instant at);

    boolean dayClosed(String office, LocalDate day);

    void addDayClose(String office, LocalDate day, Instant at, String by, String reportCsv, byte[] reportPdf);

    /** The stored Z report of a closed day: CSV text and the PDF as base64. */
    Optional<String[]> storedReport(String office, LocalDate day);
}

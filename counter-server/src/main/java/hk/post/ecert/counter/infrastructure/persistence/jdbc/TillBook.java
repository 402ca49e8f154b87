package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.CloseOutcome;
import hk.post.ecert.counter.domain.model.till.Events;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.PosRefusal.Reason;
import hk.post.ecert.counter.domain.model.till.ReversalOutcome;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.SaleOutcome;
import hk.post.ecert.counter.domain.model.till.Settlement;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.counter.domain.model.till.TillRecords;
import hk.post.ecert.counter.domain.model.till.TillSession;
import hk.post.ecert.counter.domain.model.till.TillSession.Status;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static hk.post.ecert.counter.domain.model.till.Events.fields;

/**
 * The till's book-keeping inside the caller's database transaction: each step loads the till session (locked), asks
 * it or the rule's owner in {@code domain/model/till} whether the step is allowed, appends the journal entry and
 * records the row that guards it ({@link TillRecords}), on one connection, so either both are there or neither is.
 * Every request carries an id chosen before it was first sent; a repeat gets the first outcome back.
 */
public final class TillBook {

    private final Journal journal;
    private final Clock clock;
    private final Function<Connection, TillRecords> records;

    public TillBook(Journal journal, Clock clock, Function<Connection, TillRecords> records) {
        this.journal = journal;
        this.clock = clock;
        this.records = records;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(TillSession.HONG_KONG));
    }

    // ---------------------------------------------------------------- sessions

    /** Opens a till at a counter with a counted float; a repeat of the same till id answers with that till. */
    public TillSession open(Connection c, String tillId, String office, String counter, String clerk, CashCount openingFloat)
            throws SQLException {
        TillRecords rows = records.apply(c);
        Optional<TillSession> existing = rows.till(tillId);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate day = today();
        if (rows.dayClosed(office, day)) {
            throw new PosRefusal(Reason.DAY_CLOSED, office + " " + day);
        }
        TillSession session = TillSession.open(tillId, office, counter, clerk, day, clock.instant());
        // Lock the counter's chain first: two opens at one counter are serialised here.
        journal.append(c, session.journalCounter(), Events.TILL_OPENED, openingFloat.total().cents(), clerk,
                Json.write(fields("till", tillId, "clerk", clerk, "office", office, "date", day.toString(),
                        "pieces", openingFloat.toJson())));
        Optional<TillSession> open = rows.openTillAt(session.journalCounter());
        if (open.isPresent()) {
            throw new PosRefusal(Reason.TILL_ALREADY_OPEN, session.journalCounter(), open.get().tillId());
        }
        rows.add(session);
        return rows.till(tillId).orElseThrow();
    }

    public Optional<TillSession> openTillAt(Connection c, String journalCounter) {
        return records.apply(c).openTillAt(journalCounter);
    }

    public Optional<TillSession> till(Connection c, String tillId) {
        return records.apply(c).till(tillId);
    }

    /** Till sessions of an office on a business day, oldest first. */
    public List<TillSession> tillsOf(Connection c, String office, LocalDate day) {
        return records.apply(c).tillsOf(office, day);
    }

    private static TillSession lock(TillRecords rows, String tillId) {
        return rows.lock(tillId).orElseThrow(() -> new PosRefusal(Reason.TILL_NOT_OPEN, tillId));
    }

    /** The till's figures, folded from the journal. */
    public TillLedger ledger(Connection c, TillSession till) throws SQLException {
        return TillLedger.of(till.tillId(), Journal.entries(c, till.journalCounter()));
    }

    // ---------------------------------------------------------------- sales

    /**
     * Takes a payment. The till row is locked first, so a double submit of one payment id waits for the first and
     * then finds it: the answer is the first outcome, and the customer is charged once.
     */
    public SaleOutcome pay(Connection c, String paymentId, String tillId, String clerk, List<SaleLine> lines,
                           List<Tender> tenders) throws SQLException {
        TillRecords rows = records.apply(c);
        TillSession till = lock(rows, tillId);
        List<Object> lineJson = new ArrayList<>();
        lines.forEach(l -> lineJson.add(l.toJson()));
        List<Object> tenderJson = new ArrayList<>();
        tenders.forEach(t -> tenderJson.add(t.toJson()));
        String digest = digest(Json.write(fields("till", tillId, "lines", lineJson, "tenders", tenderJson)));
        Optional<SaleOutcome> first = saleByPayment(c, paymentId);
        if (first.isPresent()) {
            if (!digest.equals(rows.saleDigest(paymentId).orElse(""))) {
                throw new PosRefusal(Reason.ID_REUSED, paymentId);
            }
            return first.get();
        }
        till.requireOpenFor(clerk);
        Settlement s = Settlement.of(lines, tenders, today());
        JournalEntry e = journal.append(c, till.journalCounter(), Events.SALE, s.total().cents(), clerk,
                Json.write(fields("till", tillId, "clerk", clerk, "payment", paymentId, "lines", lineJson,
                        "tenders", tenderJson, "change", s.change().cents())));
        String txn = SaleOutcome.transactionNo(e);
        rows.addSale(guard(paymentId, tillId, digest, txn, e), till.office(), s.total().cents(), s.change().cents());
        return SaleOutcome.of(e, paymentId, txn, false);
    }

    private static TillRecords.Guard guard(String id, String tillId, String digest, String txn, JournalEntry e) {
        return new TillRecords.Guard(id, tillId, digest, txn, e.counter(), e.seq(), e.recordedAt());
    }

    public Optional<SaleOutcome> saleByPayment(Connection c, String paymentId) throws SQLException {
        return readBack(c, records.apply(c).saleByPayment(paymentId), SaleOutcome::of);
    }

    public Optional<SaleOutcome> saleByTransaction(Connection c, String transactionNo) throws SQLException {
        return readBack(c, records.apply(c).saleByTransaction(transactionNo == null ? "" : transactionNo.trim().toUpperCase()),
                SaleOutcome::of);
    }

    /** A recorded sale or reversal read back from the journal entry its row names. */
    private static <T> Optional<T> readBack(Connection c, Optional<TillRecords.Recorded> row,
                                            ReadBack<T> as) throws SQLException {
        if (row.isEmpty()) {
            return Optional.empty();
        }
        TillRecords.Recorded r = row.get();
        JournalEntry e = Journal.entry(c, r.journalCounter(), r.journalSeq())
                .orElseThrow(() -> new IllegalStateException("the journal entry of a recorded " + r.id() + " is missing"));
        return Optional.of(as.of(e, r.id(), r.transactionNo(), true));
    }

    private interface ReadBack<T> {
        T of(JournalEntry e, String id, String transactionNo, boolean repeat);
    }

    /** Sales of a till, newest first, as the journal has them. */
    public List<SaleOutcome> salesOf(Connection c, String tillId) throws SQLException {
        List<SaleOutcome> out = new ArrayList<>();
        for (String id : records.apply(c).paymentsOf(tillId)) {
            saleByPayment(c, id).ifPresent(out::add);
        }
        return out;
    }

    /** The void or refund of a sale, if any. */
    public Optional<ReversalOutcome> reversalOf(Connection c, String paymentId) throws SQLException {
        return readBack(c, records.apply(c).reversalOfPayment(paymentId), ReversalOutcome::of);
    }

    // ---------------------------------------------------------------- voids and refunds

    /**
     * Voids a sale of the clerk's open till session, or refunds (in cash, from the clerk's open till) a sale of an
     * earlier session at the same office, as {@link ReversalOutcome#check} allows. The approver has re-authenticated
     * as a supervisor (checked by the caller).
     */
    public ReversalOutcome reverse(Connection c, String reversalId, boolean isVoid, String transactionNo,
                                   String tillId, String clerk, String reason, String approver) throws SQLException {
        return reverse(c, reversalId, isVoid, transactionNo, tillId, clerk, reason, approver, false);
    }

    /** As above; a refund {@code toCard} goes back through the EPS device that took the sale, not from a drawer. */
    public ReversalOutcome reverse(Connection c, String reversalId, boolean isVoid, String transactionNo,
                                   String tillId, String clerk, String reason, String approver, boolean toCard) throws SQLException {
        TillRecords rows = records.apply(c);
        TillSession till = lock(rows, tillId);
        Optional<ReversalOutcome> first = readBack(c, rows.reversalById(reversalId), ReversalOutcome::of);
        String digest = digest(Json.write(fields("void", isVoid, "txn", transactionNo, "till", tillId)));
        if (first.isPresent()) {
            if (!digest.equals(rows.reversalDigest(reversalId).orElse(""))) {
                throw new PosRefusal(Reason.ID_REUSED, reversalId);
            }
            return first.get();
        }
        ReversalOutcome.checkRequest(till, clerk, reason);
        SaleOutcome sale = saleByTransaction(c, transactionNo)
                .orElseThrow(() -> new PosRefusal(Reason.NO_SUCH_SALE, transactionNo));
        TillSession saleTill = rows.till(sale.tillId()).orElseThrow();
        ReversalOutcome.check(isVoid, till, sale, saleTill, clerk, approver, reversalOf(c, sale.paymentId()));
        List<Object> lines = new ArrayList<>();
        sale.lines().forEach(l -> lines.add(l.toJson()));
        ReversalOutcome.Payback back = ReversalOutcome.payback(isVoid, sale, toCard);
        String kind = isVoid ? Events.VOID : Events.REFUND;
        JournalEntry e = journal.append(c, till.journalCounter(), kind, -sale.total().cents(), clerk,
                Json.write(fields("till", tillId, "clerk", clerk, "saleClerk", sale.clerk(), "original", sale.transactionNo(),
                        "payment", sale.paymentId(), "reason", reason.trim(), "approver", approver, "lines", lines,
                        "tenders", back.tenders(), "cashOut", back.cashOut())));
        String txn = SaleOutcome.transactionNo(e);
        rows.addReversal(guard(reversalId, tillId, digest, txn, e), sale.paymentId(), kind);
        return ReversalOutcome.of(e, reversalId, txn, false);
    }

    // ---------------------------------------------------------------- drops and pickups

    /** A cash drop (cash taken from the drawer to the safe) or pickup (cash added, e.g. change). */
    public Money moveCash(Connection c, String requestId, String tillId, String clerk, boolean drop, CashCount pieces)
            throws SQLException {
        TillRecords rows = records.apply(c);
        TillSession till = lock(rows, tillId);
        String digest = digest(Json.write(fields("drop", drop, "till", tillId, "pieces", pieces.toJson())));
        Optional<String> first = rows.requestDigest(requestId);
        if (first.isPresent()) {
            if (!first.get().equals(digest)) {
                throw new PosRefusal(Reason.ID_REUSED, requestId);
            }
            return pieces.total();
        }
        Money amount = pieces.total();
        till.checkCashMovement(clerk, drop, amount, drop ? ledger(c, till).expectedCash() : Money.ZERO);
        JournalEntry e = journal.append(c, till.journalCounter(), drop ? Events.CASH_DROP : Events.CASH_PICKUP,
                amount.cents(), clerk, Json.write(fields("till", tillId, "clerk", clerk, "pieces", pieces.toJson())));
        rows.addRequest(guard(requestId, tillId, digest, null, e));
        return amount;
    }

    // ---------------------------------------------------------------- close

    /**
     * The blind close ({@link TillSession#closeBlind}): the clerk's count is recorded with the expected cash and the
     * variance in one guarded transition. It cannot happen twice: a second close of the same till is refused, and the
     * count stands.
     */
    public CloseOutcome closeBlind(Connection c, String tillId, String clerk, CashCount counted) throws SQLException {
        TillRecords rows = records.apply(c);
        TillSession till = lock(rows, tillId);
        CloseOutcome close = till.closeBlind(clerk, counted, ledger(c, till).expectedCash());
        journal.append(c, till.journalCounter(), Events.TILL_COUNTED, counted.total().cents(), clerk,
                Json.write(fields("till", tillId, "clerk", clerk, "expected", close.expected().cents(),
                        "variance", close.variance().cents(), "pieces", counted.toJson())));
        if (!rows.move(tillId, Status.OPEN, close.status(), clock.instant())) {
            throw new PosRefusal(Reason.ALREADY_CLOSED, tillId);
        }
        return close;
    }

    /** The clerk's reason for a variance ({@link TillSession#explainVariance}). */
    public Status explainVariance(Connection c, String tillId, String clerk, String reason, Money signOffThreshold)
            throws SQLException {
        TillRecords rows = records.apply(c);
        TillSession till = lock(rows, tillId);
        Money variance = ledger(c, till).variance().orElse(Money.ZERO);
        Status next = till.explainVariance(clerk, reason, variance, signOffThreshold);
        journal.append(c, till.journalCounter(), Events.VARIANCE_EXPLAINED, 0, clerk,
                Json.write(fields("till", tillId, "reason", reason.trim(), "variance", variance.cents())));
        moveOrRefuse(rows, tillId, Status.COUNTED, next);
        return next;
    }

    /** A supervisor signs off a variance above the threshold ({@link TillSession#signOff}); the till closes. */
    public void signOff(Connection c, String tillId, String supervisor, String note) throws SQLException {
        TillRecords rows = records.apply(c);
        TillSession till = lock(rows, tillId);
        Status next = till.signOff(supervisor);
        journal.append(c, till.journalCounter(), Events.TILL_SIGNED_OFF, 0, supervisor,
                Json.write(fields("till", tillId, "supervisor", supervisor, "note", note == null ? "" : note.trim())));
        moveOrRefuse(rows, tillId, Status.AWAITING_SIGNOFF, next);
    }

    private void moveOrRefuse(TillRecords rows, String tillId, Status from, Status to) {
        if (!rows.move(tillId, from, to, clock.instant())) {
            throw new PosRefusal(Reason.ALREADY_CLOSED, tillId);
        }
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package hk.post.ecert.counter.application.pos;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.CashCount;
import hk.post.ecert.counter.domain.model.till.Events;
import hk.post.ecert.counter.domain.model.till.PosRefusal;
import hk.post.ecert.counter.domain.model.till.PosRefusal.Reason;
import hk.post.ecert.counter.domain.model.till.SaleLine;
import hk.post.ecert.counter.domain.model.till.Settlement;
import hk.post.ecert.counter.domain.model.till.Tender;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillLedger;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.JournalEntry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The till's book-keeping inside the caller's database transaction: sessions, sales, voids, refunds, drops and
 * pickups, the blind close, sign-off, corrections and the office day close. Each money event is one journal entry
 * written in the same transaction as the row that guards it, so either both are there or neither is. Every request
 * carries an id chosen before it was first sent; a repeat gets the first outcome back.
 */
public final class TillBook {

    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    /** Till session states. Only OPEN takes money. */
    public enum Status { OPEN, COUNTED, AWAITING_SIGNOFF, CLOSED }

    /** A till session row. */
    public record Till(String tillId, String office, String counter, String journalCounter, String clerk,
                       LocalDate businessDate, Status status, Instant openedAt, Instant closedAt) {
    }

    /** What a sale came to; {@code repeat} when this answers a request already recorded. */
    public record SaleOutcome(String paymentId, String transactionNo, String tillId, String clerk, Instant at,
                              Money total, Money cashTendered, Money change, List<SaleLine> lines,
                              List<Map<String, Object>> tenders, boolean repeat) {
    }

    /** A void or refund as recorded. */
    public record ReversalOutcome(String reversalId, String kind, String transactionNo, String originalTransactionNo,
                                  String tillId, Money amount, Money cashOut, String reason, String approver,
                                  Instant at, boolean repeat) {
    }

    /** The blind close as recorded. */
    public record CloseOutcome(String tillId, Money counted, Money expected, Money variance, Status status) {
    }

    /** Whether a member of staff answers for a journal counter (its clerk or a supervisor of its office). */
    public interface Responsibility {
        boolean isResponsibleFor(String username, String office, String counter);
    }

    private final Journal journal;
    private final Clock clock;

    public TillBook(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(HONG_KONG));
    }

    public static String journalCounter(String office, String counter) {
        return office + "-" + counter;
    }

    // ---------------------------------------------------------------- sessions

    /** Opens a till at a counter with a counted float; a repeat of the same till id answers with that till. */
    public Till open(Connection c, String tillId, String office, String counter, String clerk, CashCount openingFloat)
            throws SQLException {
        Optional<Till> existing = till(c, tillId);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate day = today();
        if (dayClosed(c, office, day)) {
            throw new PosRefusal(Reason.DAY_CLOSED, office + " " + day);
        }
        String jc = journalCounter(office, counter);
        // Lock the counter's chain first: two opens at one counter are serialised here.
        journal.append(c, jc, Events.TILL_OPENED, openingFloat.total().cents(), clerk,
                Json.write(map("till", tillId, "clerk", clerk, "office", office, "date", day.toString(),
                        "pieces", openingFloat.toJson())));
        Optional<Till> open = openTillAt(c, jc);
        if (open.isPresent()) {
            throw new PosRefusal(Reason.TILL_ALREADY_OPEN, jc, open.get().tillId());
        }
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO till_session (till_id, office_code, counter_code,"
                + " journal_counter, clerk, business_date, status, open_counter, opened_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, tillId);
            s.setString(2, office);
            s.setString(3, counter);
            s.setString(4, jc);
            s.setString(5, clerk);
            s.setDate(6, Date.valueOf(day));
            s.setString(7, Status.OPEN.name());
            s.setString(8, jc);
            s.setTimestamp(9, Timestamp.from(now));
            s.executeUpdate();
        }
        return till(c, tillId).orElseThrow();
    }

    public Optional<Till> openTillAt(Connection c, String journalCounter) throws SQLException {
        return one(c, "SELECT * FROM till_session WHERE open_counter = ?", journalCounter);
    }

    public Optional<Till> till(Connection c, String tillId) throws SQLException {
        return one(c, "SELECT * FROM till_session WHERE till_id = ?", tillId);
    }

    /** Till sessions of an office on a business day, oldest first. */
    public List<Till> tillsOf(Connection c, String office, LocalDate day) throws SQLException {
        List<Till> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT * FROM till_session WHERE office_code = ? AND business_date = ? ORDER BY opened_at, till_id")) {
            s.setString(1, office);
            s.setDate(2, Date.valueOf(day));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(tillRow(rs));
                }
            }
        }
        return out;
    }

    private Till lock(Connection c, String tillId) throws SQLException {
        return one(c, "SELECT * FROM till_session WHERE till_id = ? FOR UPDATE", tillId)
                .orElseThrow(() -> new PosRefusal(Reason.TILL_NOT_OPEN, tillId));
    }

    private static Optional<Till> one(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(tillRow(rs)) : Optional.empty();
            }
        }
    }

    private static Till tillRow(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Till(rs.getString("till_id"), rs.getString("office_code"), rs.getString("counter_code"),
                rs.getString("journal_counter"), rs.getString("clerk"), rs.getDate("business_date").toLocalDate(),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

    /** The till's figures, folded from the journal. */
    public TillLedger ledger(Connection c, Till till) throws SQLException {
        return TillLedger.of(till.tillId(), Journal.entries(c, till.journalCounter()));
    }

    private static Till requireOpen(Till t, String clerk) {
        if (t.status() != Status.OPEN) {
            throw new PosRefusal(Reason.TILL_NOT_OPEN, t.tillId());
        }
        if (!t.clerk().equals(clerk)) {
            throw new PosRefusal(Reason.NOT_YOUR_TILL, t.tillId(), t.clerk());
        }
        return t;
    }

    // ---------------------------------------------------------------- sales

    /**
     * Takes a payment. The till row is locked first, so a double submit of one payment id waits for the first and
     * then finds it: the answer is the first outcome, and the customer is charged once.
     */
    public SaleOutcome pay(Connection c, String paymentId, String tillId, String clerk, List<SaleLine> lines,
                           List<Tender> tenders) throws SQLException {
        Till till = lock(c, tillId);
        List<Object> lineJson = new ArrayList<>();
        lines.forEach(l -> lineJson.add(l.toJson()));
        List<Object> tenderJson = new ArrayList<>();
        tenders.forEach(t -> tenderJson.add(t.toJson()));
        String digest = digest(Json.write(map("till", tillId, "lines", lineJson, "tenders", tenderJson)));
        Optional<SaleOutcome> first = saleByPayment(c, paymentId);
        if (first.isPresent()) {
            if (!digest.equals(storedDigest(c, "sale", "payment_id", paymentId))) {
                throw new PosRefusal(Reason.ID_REUSED, paymentId);
            }
            return first.get();
        }
        requireOpen(till, clerk);
        Settlement s = Settlement.of(lines, tenders, today());
        JournalEntry e = journal.append(c, till.journalCounter(), Events.SALE, s.total().cents(), clerk,
                Json.write(map("till", tillId, "clerk", clerk, "payment", paymentId, "lines", lineJson,
                        "tenders", tenderJson, "change", s.change().cents())));
        String txn = transactionNo(e);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO sale (payment_id, transaction_no, till_id,"
                + " office_code, request_digest, total_cents, change_cents, journal_counter, journal_seq, recorded_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ins.setString(1, paymentId);
            ins.setString(2, txn);
            ins.setString(3, tillId);
            ins.setString(4, till.office());
            ins.setString(5, digest);
            ins.setLong(6, s.total().cents());
            ins.setLong(7, s.change().cents());
            ins.setString(8, till.journalCounter());
            ins.setLong(9, e.seq());
            ins.setTimestamp(10, Timestamp.from(e.recordedAt()));
            ins.executeUpdate();
        }
        return saleOutcome(e, paymentId, txn, false);
    }

    static String transactionNo(JournalEntry e) {
        return e.counter() + "-" + String.format("%06d", e.seq());
    }

    public Optional<SaleOutcome> saleByPayment(Connection c, String paymentId) throws SQLException {
        return saleWhere(c, "payment_id", paymentId);
    }

    public Optional<SaleOutcome> saleByTransaction(Connection c, String transactionNo) throws SQLException {
        return saleWhere(c, "transaction_no", transactionNo == null ? "" : transactionNo.trim().toUpperCase());
    }

    private Optional<SaleOutcome> saleWhere(Connection c, String column, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT payment_id, transaction_no, journal_counter, journal_seq"
                + " FROM sale WHERE " + column + " = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                JournalEntry e = Journal.entry(c, rs.getString(3), rs.getLong(4))
                        .orElseThrow(() -> new IllegalStateException("the journal entry of a recorded sale is missing"));
                return Optional.of(saleOutcome(e, rs.getString(1), rs.getString(2), true));
            }
        }
    }

    /** Sales of a till, newest first, as the journal has them. */
    public List<SaleOutcome> salesOf(Connection c, String tillId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT payment_id FROM sale WHERE till_id = ? ORDER BY journal_seq DESC")) {
            s.setString(1, tillId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        List<SaleOutcome> out = new ArrayList<>();
        for (String id : ids) {
            saleByPayment(c, id).ifPresent(out::add);
        }
        return out;
    }

    /** The void or refund of a sale, if any. */
    public Optional<ReversalOutcome> reversalOf(Connection c, String paymentId) throws SQLException {
        return reversalWhere(c, "payment_id", paymentId);
    }

    @SuppressWarnings("unchecked")
    private static SaleOutcome saleOutcome(JournalEntry e, String paymentId, String txn, boolean repeat) {
        Map<String, Object> p = Json.readObject(e.payload());
        List<SaleLine> lines = new ArrayList<>();
        for (Object o : (List<Object>) p.get("lines")) {
            Map<String, Object> l = (Map<String, Object>) o;
            lines.add(new SaleLine((String) l.get("case"), (String) l.get("item"),
                    new hk.post.ecert.counter.domain.model.catalogue.Bilingual((String) l.get("en"), (String) l.get("zh")),
                    (String) l.get("type"), cents(l.get("qty")), Money.ofCents(cents(l.get("cents")))));
        }
        List<Map<String, Object>> tenders = new ArrayList<>();
        long cash = 0;
        for (Object o : (List<Object>) p.get("tenders")) {
            Map<String, Object> t = (Map<String, Object>) o;
            tenders.add(t);
            if (TenderKind.CASH.name().equals(t.get("kind"))) {
                cash += cents(t.get("cents"));
            }
        }
        return new SaleOutcome(paymentId, txn, (String) p.get("till"), (String) p.get("clerk"), e.recordedAt(),
                Money.ofCents(e.amountCents()), Money.ofCents(cash), Money.ofCents(cents(p.get("change"))), lines,
                tenders, repeat);
    }

    // ---------------------------------------------------------------- voids and refunds

    /**
     * Voids a sale of the clerk's open till session, or refunds (in cash, from the clerk's open till) a sale of an
     * earlier session at the same office. The approver has re-authenticated as a supervisor (checked by the caller)
     * and is neither the clerk asking nor the clerk who made the sale.
     */
    @SuppressWarnings("unchecked")
    public ReversalOutcome reverse(Connection c, String reversalId, boolean isVoid, String transactionNo,
                                   String tillId, String clerk, String reason, String approver) throws SQLException {
        Till till = lock(c, tillId);
        Optional<ReversalOutcome> first = reversalWhere(c, "reversal_id", reversalId);
        String digest = digest(Json.write(map("void", isVoid, "txn", transactionNo, "till", tillId)));
        if (first.isPresent()) {
            if (!digest.equals(storedDigest(c, "sale_reversal", "reversal_id", reversalId))) {
                throw new PosRefusal(Reason.ID_REUSED, reversalId);
            }
            return first.get();
        }
        requireOpen(till, clerk);
        if (reason == null || reason.isBlank()) {
            throw new PosRefusal(Reason.REASON_NEEDED);
        }
        SaleOutcome sale = saleByTransaction(c, transactionNo)
                .orElseThrow(() -> new PosRefusal(Reason.NO_SUCH_SALE, transactionNo));
        Till saleTill = till(c, sale.tillId()).orElseThrow();
        if (approver.equals(clerk) || approver.equals(sale.clerk())) {
            throw new PosRefusal(Reason.SELF_APPROVAL, approver);
        }
        Optional<ReversalOutcome> done = reversalOf(c, sale.paymentId());
        if (done.isPresent()) {
            throw new PosRefusal(Reason.ALREADY_REVERSED, sale.transactionNo(), done.get().kind().equals(Events.VOID)
                    ? new hk.post.ecert.counter.domain.model.catalogue.Bilingual("voided", "取消")
                    : new hk.post.ecert.counter.domain.model.catalogue.Bilingual("refunded", "退款"));
        }
        if (isVoid && !saleTill.tillId().equals(tillId)) {
            throw new PosRefusal(Reason.VOID_OTHER_SESSION, sale.transactionNo());
        }
        if (!isVoid && saleTill.tillId().equals(tillId)) {
            throw new PosRefusal(Reason.REFUND_SAME_SESSION, sale.transactionNo());
        }
        if (!saleTill.office().equals(till.office())) {
            throw new PosRefusal(Reason.REFUND_OTHER_OFFICE, sale.transactionNo());
        }
        List<Object> lines = new ArrayList<>();
        sale.lines().forEach(l -> lines.add(l.toJson()));
        List<Object> tenders = new ArrayList<>();
        long cashOut;
        if (isVoid) {
            // Every tender goes back as it came: the cash kept (tendered less change) from the drawer, EPS and
            // cheques reversed.
            long change = sale.change().cents();
            long cash = 0;
            for (Map<String, Object> t : sale.tenders()) {
                long amount = cents(t.get("cents"));
                if (TenderKind.CASH.name().equals(t.get("kind"))) {
                    amount -= change;
                    change = 0;
                    cash += amount;
                }
                tenders.add(map("kind", t.get("kind"), "cents", amount));
            }
            cashOut = cash;
        } else {
            cashOut = sale.total().cents();
            tenders.add(map("kind", TenderKind.CASH.name(), "cents", cashOut));
        }
        String kind = isVoid ? Events.VOID : Events.REFUND;
        JournalEntry e = journal.append(c, till.journalCounter(), kind, -sale.total().cents(), clerk,
                Json.write(map("till", tillId, "clerk", clerk, "saleClerk", sale.clerk(), "original", sale.transactionNo(),
                        "payment", sale.paymentId(), "reason", reason.trim(), "approver", approver, "lines", lines,
                        "tenders", tenders, "cashOut", cashOut)));
        String txn = transactionNo(e);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO sale_reversal (reversal_id, payment_id, kind,"
                + " transaction_no, till_id, request_digest, journal_counter, journal_seq, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ins.setString(1, reversalId);
            ins.setString(2, sale.paymentId());
            ins.setString(3, kind);
            ins.setString(4, txn);
            ins.setString(5, tillId);
            ins.setString(6, digest);
            ins.setString(7, till.journalCounter());
            ins.setLong(8, e.seq());
            ins.setTimestamp(9, Timestamp.from(e.recordedAt()));
            ins.executeUpdate();
        }
        return reversalOutcome(e, reversalId, txn, false);
    }

    private Optional<ReversalOutcome> reversalWhere(Connection c, String column, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT reversal_id, transaction_no, journal_counter, journal_seq"
                + " FROM sale_reversal WHERE " + column + " = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                JournalEntry e = Journal.entry(c, rs.getString(3), rs.getLong(4)).orElseThrow();
                return Optional.of(reversalOutcome(e, rs.getString(1), rs.getString(2), true));
            }
        }
    }

    private static ReversalOutcome reversalOutcome(JournalEntry e, String reversalId, String txn, boolean repeat) {
        Map<String, Object> p = Json.readObject(e.payload());
        return new ReversalOutcome(reversalId, e.kind(), txn, (String) p.get("original"), (String) p.get("till"),
                Money.ofCents(-e.amountCents()), Money.ofCents(cents(p.get("cashOut"))), (String) p.get("reason"),
                (String) p.get("approver"), e.recordedAt(), repeat);
    }

    // ---------------------------------------------------------------- drops and pickups

    /** A cash drop (cash taken from the drawer to the safe) or pickup (cash added, e.g. change). */
    public Money moveCash(Connection c, String requestId, String tillId, String clerk, boolean drop, CashCount pieces)
            throws SQLException {
        Till till = lock(c, tillId);
        String digest = digest(Json.write(map("drop", drop, "till", tillId, "pieces", pieces.toJson())));
        Optional<String> first = storedDigestOpt(c, "till_request", "request_id", requestId);
        if (first.isPresent()) {
            if (!first.get().equals(digest)) {
                throw new PosRefusal(Reason.ID_REUSED, requestId);
            }
            return pieces.total();
        }
        requireOpen(till, clerk);
        Money amount = pieces.total();
        if (amount.cents() == 0) {
            throw new PosRefusal(Reason.AMOUNT_ZERO);
        }
        if (drop) {
            Money expected = ledger(c, till).expectedCash();
            if (amount.compareTo(expected) > 0) {
                throw new PosRefusal(Reason.DROP_OVER_CASH, amount.toString(), expected.toString());
            }
        }
        JournalEntry e = journal.append(c, till.journalCounter(), drop ? Events.CASH_DROP : Events.CASH_PICKUP,
                amount.cents(), clerk, Json.write(map("till", tillId, "clerk", clerk, "pieces", pieces.toJson())));
        recordRequest(c, requestId, tillId, digest, e);
        return amount;
    }

    private static void recordRequest(Connection c, String requestId, String tillId, String digest, JournalEntry e)
            throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO till_request (request_id, till_id, request_digest,"
                + " journal_counter, journal_seq) VALUES (?,?,?,?,?)")) {
            ins.setString(1, requestId);
            ins.setString(2, tillId);
            ins.setString(3, digest);
            ins.setString(4, e.counter());
            ins.setLong(5, e.seq());
            ins.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- close

    /**
     * The blind close: the clerk's count is recorded with the expected cash and the variance in one guarded
     * transition (OPEN → CLOSED, or → COUNTED when there is a variance to explain). It cannot happen twice: a second
     * close of the same till is refused, and the count stands.
     */
    public CloseOutcome closeBlind(Connection c, String tillId, String clerk, CashCount counted) throws SQLException {
        Till till = lock(c, tillId);
        if (till.status() != Status.OPEN) {
            throw new PosRefusal(Reason.ALREADY_CLOSED, tillId);
        }
        requireOpen(till, clerk);
        Money expected = ledger(c, till).expectedCash();
        long variance = counted.total().cents() - expected.cents();
        Status next = variance == 0 ? Status.CLOSED : Status.COUNTED;
        journal.append(c, till.journalCounter(), Events.TILL_COUNTED, counted.total().cents(), clerk,
                Json.write(map("till", tillId, "clerk", clerk, "expected", expected.cents(), "variance", variance,
                        "pieces", counted.toJson())));
        try (PreparedStatement u = c.prepareStatement("UPDATE till_session SET status = ?, open_counter = NULL,"
                + " closed_at = ? WHERE till_id = ? AND status = 'OPEN'")) {
            u.setString(1, next.name());
            u.setTimestamp(2, Timestamp.from(clock.instant()));
            u.setString(3, tillId);
            if (u.executeUpdate() != 1) {
                throw new PosRefusal(Reason.ALREADY_CLOSED, tillId);
            }
        }
        return new CloseOutcome(tillId, counted.total(), expected, Money.ofCents(variance), next);
    }

    /**
     * The clerk's reason for a variance. Within {@code signOffThreshold} the till closes; above it, it waits for a
     * supervisor's sign-off.
     */
    public Status explainVariance(Connection c, String tillId, String clerk, String reason, Money signOffThreshold)
            throws SQLException {
        Till till = lock(c, tillId);
        if (till.status() != Status.COUNTED) {
            throw new PosRefusal(Reason.NO_VARIANCE_TO_EXPLAIN, tillId);
        }
        if (!till.clerk().equals(clerk)) {
            throw new PosRefusal(Reason.NOT_YOUR_TILL, tillId, till.clerk());
        }
        if (reason == null || reason.isBlank()) {
            throw new PosRefusal(Reason.REASON_NEEDED);
        }
        long variance = ledger(c, till).variance().orElseThrow().cents();
        journal.append(c, till.journalCounter(), Events.VARIANCE_EXPLAINED, 0, clerk,
                Json.write(map("till", tillId, "reason", reason.trim(), "variance", variance)));
        Status next = Math.abs(variance) > signOffThreshold.cents() ? Status.AWAITING_SIGNOFF : Status.CLOSED;
        setStatus(c, tillId, Status.COUNTED, next);
        return next;
    }

    /** A supervisor (not the till's clerk) signs off a variance above the threshold; the till closes. */
    public void signOff(Connection c, String tillId, String supervisor, String note) throws SQLException {
        Till till = lock(c, tillId);
        if (till.status() != Status.AWAITING_SIGNOFF) {
            throw new PosRefusal(Reason.NOT_AWAITING_SIGNOFF, tillId);
        }
        if (till.clerk().equals(supervisor)) {
            throw new PosRefusal(Reason.SELF_APPROVAL, supervisor);
        }
        journal.append(c, till.journalCounter(), Events.TILL_SIGNED_OFF, 0, supervisor,
                Json.write(map("till", tillId, "supervisor", supervisor, "note", note == null ? "" : note.trim())));
        setStatus(c, tillId, Status.AWAITING_SIGNOFF, Status.CLOSED);
    }

    private static void setStatus(Connection c, String tillId, Status from, Status to) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE till_session SET status = ? WHERE till_id = ? AND status = ?")) {
            u.setString(1, to.name());
            u.setString(2, tillId);
            u.setString(3, from.name());
            if (u.executeUpdate() != 1) {
                throw new PosRefusal(Reason.ALREADY_CLOSED, tillId);
            }
        }
    }

    // ---------------------------------------------------------------- corrections

    /** A pending correction as the supervisor screen lists it. */
    public record Correction(String correctionId, String tillId, TenderKind tender, Money amount, String reason,
                             String evidence, String proposedBy, String status, String decidedBy) {
    }

    /** Proposes a compensating entry for a till; nothing changes until a second person approves it. */
    public void proposeCorrection(Connection c, String correctionId, String tillId, TenderKind tender, Money amount,
                                  String reason, String evidence, String proposer) throws SQLException {
        if (correction(c, correctionId).isPresent()) {
            return;
        }
        till(c, tillId).orElseThrow(() -> new PosRefusal(Reason.TILL_NOT_OPEN, tillId));
        if (amount.cents() == 0) {
            throw new PosRefusal(Reason.AMOUNT_ZERO);
        }
        if (reason == null || reason.isBlank() || evidence == null || evidence.isBlank()) {
            throw new PosRefusal(Reason.REASON_NEEDED);
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO journal_correction (correction_id, till_id, tender,"
                + " amount_cents, reason, evidence, proposed_by, proposed_at, status) VALUES (?,?,?,?,?,?,?,?,'PROPOSED')")) {
            ins.setString(1, correctionId);
            ins.setString(2, tillId);
            ins.setString(3, tender.name());
            ins.setLong(4, amount.cents());
            ins.setString(5, reason.trim());
            ins.setString(6, evidence.trim());
            ins.setString(7, proposer);
            ins.setTimestamp(8, Timestamp.from(clock.instant()));
            ins.executeUpdate();
        }
    }

    /**
     * Approves a proposed correction: the approver is a second person, and one of the two answers for the counter.
     * Only now is the compensating entry appended; the original entries stay as they were.
     */
    public void approveCorrection(Connection c, String correctionId, String approver, Responsibility responsibility)
            throws SQLException {
        Correction k = correction(c, correctionId).filter(x -> x.status().equals("PROPOSED"))
                .orElseThrow(() -> new PosRefusal(Reason.NO_SUCH_CORRECTION, correctionId));
        if (k.proposedBy().equals(approver)) {
            throw new PosRefusal(Reason.SECOND_PERSON, approver);
        }
        Till till = till(c, k.tillId()).orElseThrow();
        if (!responsibility.isResponsibleFor(approver, till.office(), till.counter())
                && !responsibility.isResponsibleFor(k.proposedBy(), till.office(), till.counter())) {
            throw new PosRefusal(Reason.NOT_RESPONSIBLE, till.journalCounter());
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE journal_correction SET status = 'APPROVED', decided_by = ?,"
                + " decided_at = ? WHERE correction_id = ? AND status = 'PROPOSED'")) {
            u.setString(1, approver);
            u.setTimestamp(2, Timestamp.from(clock.instant()));
            u.setString(3, correctionId);
            if (u.executeUpdate() != 1) {
                throw new PosRefusal(Reason.NO_SUCH_CORRECTION, correctionId);
            }
        }
        journal.append(c, till.journalCounter(), Events.CORRECTION, k.amount().cents(), approver,
                Json.write(map("till", k.tillId(), "correction", correctionId, "tender", k.tender().name(),
                        "reason", k.reason(), "evidence", k.evidence(), "proposedBy", k.proposedBy(),
                        "approvedBy", approver)));
    }

    public Optional<Correction> correction(Connection c, String correctionId) throws SQLException {
        List<Correction> l = corrections(c, "correction_id = ?", correctionId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public List<Correction> pendingCorrections(Connection c, String office) throws SQLException {
        return corrections(c, "status = 'PROPOSED' AND till_id IN (SELECT till_id FROM till_session WHERE office_code = ?)", office);
    }

    private static List<Correction> corrections(Connection c, String where, String key) throws SQLException {
        List<Correction> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT correction_id, till_id, tender, amount_cents, reason, evidence,"
                + " proposed_by, status, decided_by FROM journal_correction WHERE " + where + " ORDER BY proposed_at")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Correction(rs.getString(1), rs.getString(2), TenderKind.valueOf(rs.getString(3)),
                            Money.ofCents(rs.getLong(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- office day

    public boolean dayClosed(Connection c, String office, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM office_day WHERE office_code = ? AND business_date = ?")) {
            s.setString(1, office);
            s.setDate(2, Date.valueOf(day));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The day's figures of an office, every till's ledger folded from the journal. */
    public DayReport dayReport(Connection c, String office, LocalDate day) throws SQLException {
        List<TillLedger> ledgers = new ArrayList<>();
        Map<String, List<JournalEntry>> byCounter = new LinkedHashMap<>();
        List<Till> tills = tillsOf(c, office, day);
        for (Till t : tills) {
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
                                    java.util.function.BiFunction<DayReport, List<JournalCheckpoints.Checkpoint>, String> sealer)
            throws SQLException {
        if (dayClosed(c, office, day)) {
            throw new PosRefusal(Reason.DAY_CLOSED, office + " " + day);
        }
        List<Till> tills = tillsOf(c, office, day);
        List<String> open = tills.stream().filter(t -> t.status() != Status.CLOSED)
                .map(t -> t.journalCounter() + " " + t.clerk() + " (" + t.status() + ")").toList();
        if (!open.isEmpty()) {
            throw new PosRefusal(Reason.TILLS_STILL_OPEN, String.join(", ", open));
        }
        DayReport report = dayReport(c, office, day);
        // the day's close is journalled and checkpointed first, so that the report carries the signatures
        List<JournalCheckpoints.Checkpoint> checkpoints = new ArrayList<>();
        for (String counter : tills.stream().map(Till::journalCounter).distinct().toList()) {
            journal.append(c, counter, Events.OFFICE_DAY_CLOSED, 0, by,
                    Json.write(map("office", office, "date", day.toString(), "by", by)));
            JournalCheckpoints.checkpoint(c, counter, journalKey, keyId);
            JournalCheckpoints.latest(c, counter).ifPresent(checkpoints::add);
        }
        String seal = sealer.apply(report, checkpoints);
        byte[] pdf = zReport.pdf(report, by, clock.instant(), checkpoints, seal);
        String csv = zReport.csv(report);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO office_day (office_code, business_date, closed_at,"
                + " closed_by, report_csv, report_pdf_b64) VALUES (?,?,?,?,?,?)")) {
            ins.setString(1, office);
            ins.setDate(2, Date.valueOf(day));
            ins.setTimestamp(3, Timestamp.from(clock.instant()));
            ins.setString(4, by);
            ins.setString(5, csv);
            ins.setString(6, java.util.Base64.getEncoder().encodeToString(pdf));
            ins.executeUpdate();
        }
        return report;
    }

    /** The stored Z report of a closed day: CSV text and PDF bytes. */
    public Optional<String[]> storedReport(Connection c, String office, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT report_csv, report_pdf_b64 FROM office_day"
                + " WHERE office_code = ? AND business_date = ?")) {
            s.setString(1, office);
            s.setDate(2, Date.valueOf(day));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String storedDigest(Connection c, String table, String column, String id) throws SQLException {
        return storedDigestOpt(c, table, column, id).orElse("");
    }

    private static Optional<String> storedDigestOpt(Connection c, String table, String column, String id)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT request_digest FROM " + table + " WHERE " + column + " = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long cents(Object o) {
        if (o == null) {
            return 0;
        }
        return o instanceof BigDecimal b ? b.longValueExact() : ((Number) o).longValue();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

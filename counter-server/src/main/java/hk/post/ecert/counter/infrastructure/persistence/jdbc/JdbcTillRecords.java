package hk.post.ecert.counter.infrastructure.persistence.jdbc;

import hk.post.ecert.counter.domain.model.fee.Money;
import hk.post.ecert.counter.domain.model.till.TenderKind;
import hk.post.ecert.counter.domain.model.till.TillCorrection;
import hk.post.ecert.counter.domain.model.till.TillRecords;
import hk.post.ecert.counter.domain.model.till.TillSession;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The till's rows over JDBC, on the connection of the caller's transaction — the same connection the journal appends
 * on, so a money event's entry and the row that guards it commit together or not at all.
 */
public final class JdbcTillRecords implements TillRecords {

    private final Rows rows;

    public JdbcTillRecords(Connection c) {
        this.rows = Rows.on(c);
    }

    // ---------------------------------------------------------------- sessions

    private static TillSession session(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new TillSession(rs.getString("till_id"), rs.getString("office_code"), rs.getString("counter_code"),
                rs.getString("journal_counter"), rs.getString("clerk"), rs.getDate("business_date").toLocalDate(),
                TillSession.Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

    @Override
    public Optional<TillSession> till(String tillId) {
        return rows.one("SELECT * FROM till_session WHERE till_id = ?", JdbcTillRecords::session, tillId);
    }

    @Override
    public Optional<TillSession> lock(String tillId) {
        return rows.one("SELECT * FROM till_session WHERE till_id = ? FOR UPDATE", JdbcTillRecords::session, tillId);
    }

    @Override
    public Optional<TillSession> openTillAt(String journalCounter) {
        return rows.one("SELECT * FROM till_session WHERE open_counter = ?", JdbcTillRecords::session, journalCounter);
    }

    @Override
    public List<TillSession> tillsOf(String office, LocalDate day) {
        return rows.list("SELECT * FROM till_session WHERE office_code = ? AND business_date = ? ORDER BY opened_at, till_id",
                JdbcTillRecords::session, office, day);
    }

    @Override
    public void add(TillSession t) {
        rows.update("INSERT INTO till_session (till_id, office_code, counter_code, journal_counter, clerk, business_date,"
                        + " status, open_counter, opened_at) VALUES (?,?,?,?,?,?,?,?,?)",
                t.tillId(), t.office(), t.counter(), t.journalCounter(), t.clerk(), t.businessDate(), t.status().name(),
                t.status() == TillSession.Status.OPEN ? t.journalCounter() : null, t.openedAt());
    }

    @Override
    public boolean move(String tillId, TillSession.Status from, TillSession.Status to, Instant closedAt) {
        if (from == TillSession.Status.OPEN) {
            // leaving OPEN frees the counter for the next session
            return rows.update("UPDATE till_session SET status = ?, open_counter = NULL, closed_at = ? WHERE till_id = ? AND status = ?",
                    to.name(), closedAt, tillId, from.name()) == 1;
        }
        return rows.update("UPDATE till_session SET status = ? WHERE till_id = ? AND status = ?", to.name(), tillId, from.name()) == 1;
    }

    // ---------------------------------------------------------------- sales, reversals, cash movements

    private static Recorded recorded(ResultSet rs) throws SQLException {
        return new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
    }

    /** A recorded sale or reversal by one of its keys (the column names are this class's constants, never input). */
    private Optional<Recorded> recordedBy(String idColumn, String table, String keyColumn, String key) {
        return rows.one("SELECT " + idColumn + ", transaction_no, journal_counter, journal_seq FROM " + table + " WHERE "
                + keyColumn + " = ?", JdbcTillRecords::recorded, key);
    }

    @Override
    public Optional<Recorded> saleByPayment(String paymentId) {
        return recordedBy("payment_id", "sale", "payment_id", paymentId);
    }

    @Override
    public Optional<Recorded> saleByTransaction(String transactionNo) {
        return recordedBy("payment_id", "sale", "transaction_no", transactionNo);
    }

    @Override
    public List<String> paymentsOf(String tillId) {
        return rows.list("SELECT payment_id FROM sale WHERE till_id = ? ORDER BY journal_seq DESC", rs -> rs.getString(1), tillId);
    }

    @Override
    public void addSale(Guard g, String office, long totalCents, long changeCents) {
        rows.update("INSERT INTO sale (payment_id, transaction_no, till_id, office_code, request_digest, total_cents,"
                        + " change_cents, journal_counter, journal_seq, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                g.id(), g.transactionNo(), g.tillId(), office, g.requestDigest(), totalCents, changeCents,
                g.journalCounter(), g.journalSeq(), g.at());
    }

    @Override
    public Optional<Recorded> reversalById(String reversalId) {
        return recordedBy("reversal_id", "sale_reversal", "reversal_id", reversalId);
    }

    @Override
    public Optional<Recorded> reversalOfPayment(String paymentId) {
        return recordedBy("reversal_id", "sale_reversal", "payment_id", paymentId);
    }

    @Override
    public void addReversal(Guard g, String paymentId, String kind) {
        rows.update("INSERT INTO sale_reversal (reversal_id, payment_id, kind, transaction_no, till_id, request_digest,"
                        + " journal_counter, journal_seq, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
                g.id(), paymentId, kind, g.transactionNo(), g.tillId(), g.requestDigest(), g.journalCounter(),
                g.journalSeq(), g.at());
    }

    @Override
    public Optional<String> saleDigest(String paymentId) {
        return rows.one("SELECT request_digest FROM sale WHERE payment_id = ?", rs -> rs.getString(1), paymentId);
    }

    @Override
    public Optional<String> reversalDigest(String reversalId) {
        return rows.one("SELECT request_digest FROM sale_reversal WHERE reversal_id = ?", rs -> rs.getString(1), reversalId);
    }

    @Override
    public Optional<String> requestDigest(String requestId) {
        return rows.one("SELECT request_digest FROM till_request WHERE request_id = ?", rs -> rs.getString(1), requestId);
    }

    @Override
    public void addRequest(Guard g) {
        rows.update("INSERT INTO till_request (request_id, till_id, request_digest, journal_counter, journal_seq) VALUES (?,?,?,?,?)",
                g.id(), g.tillId(), g.requestDigest(), g.journalCounter(), g.journalSeq());
    }

    // ---------------------------------------------------------------- corrections

    private static TillCorrection correction(ResultSet rs) throws SQLException {
        return new TillCorrection(rs.getString(1), rs.getString(2), TenderKind.valueOf(rs.getString(3)),
                Money.ofCents(rs.getLong(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9));
    }

    private static final String CORRECTION = "SELECT correction_id, till_id, tender, amount_cents, reason, evidence,"
            + " proposed_by, status, decided_by FROM journal_correction WHERE ";

    @Override
    public Optional<TillCorrection> correction(String correctionId) {
        return rows.one(CORRECTION + "correction_id = ?", JdbcTillRecords::correction, correctionId);
    }

    @Override
    public List<TillCorrection> pendingCorrections(String office) {
        return rows.list(CORRECTION + "status = 'PROPOSED' AND till_id IN (SELECT till_id FROM till_session WHERE office_code = ?)"
                + " ORDER BY proposed_at", JdbcTillRecords::correction, office);
    }

    @Override
    public void addCorrection(TillCorrection k, Instant at) {
        rows.update("INSERT INTO journal_correction (correction_id, till_id, tender, amount_cents, reason, evidence,"
                        + " proposed_by, proposed_at, status) VALUES (?,?,?,?,?,?,?,?,?)",
                k.correctionId(), k.tillId(), k.tender().name(), k.amount().cents(), k.reason(), k.evidence(),
                k.proposedBy(), at, k.status());
    }

    @Override
    public boolean approve(String correctionId, String approver, Instant at) {
        return rows.update("UPDATE journal_correction SET status = 'APPROVED', decided_by = ?, decided_at = ?"
                + " WHERE correction_id = ? AND status = 'PROPOSED'", approver, at, correctionId) == 1;
    }

    // ---------------------------------------------------------------- office day

    @Override
    public boolean dayClosed(String office, LocalDate day) {
        return rows.one("SELECT 1 FROM office_day WHERE office_code = ? AND business_date = ?", rs -> 1, office, day).isPresent();
    }

    @Override
    public void addDayClose(String office, LocalDate day, Instant at, String by, String reportCsv, byte[] reportPdf) {
        rows.update("INSERT INTO office_day (office_code, business_date, closed_at, closed_by, report_csv, report_pdf_b64)"
                + " VALUES (?,?,?,?,?,?)", office, day, at, by, reportCsv, java.util.Base64.getEncoder().encodeToString(reportPdf));
    }

    @Override
    public Optional<String[]> storedReport(String office, LocalDate day) {
        return rows.one("SELECT report_csv, report_pdf_b64 FROM office_day WHERE office_code = ? AND business_date = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, office, day);
    }
}

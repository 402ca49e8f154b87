package hk.post.ecert.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to the journal inside the caller's transaction. The counter's head row is locked first
 * ({@code SELECT ... FOR UPDATE}), so two appends for one counter — from any server instance — are serialised:
 * sequence numbers are gap-free and unique, and each entry chains to the one before.
 */
public final class Journal {

    private final Clock clock;

    public Journal(Clock clock) {
        this.clock = clock;
    }

    public Journal() {
        this(Clock.systemUTC());
    }

    /** Appends one entry; the connection must not be in auto-commit (the caller commits with its own changes). */
    public JournalEntry append(Connection c, String counter, String kind, long amountCents, String actor, String payload)
            throws SQLException {
        long lastSeq;
        String lastHash;
        Head head = lockHead(c, counter);
        lastSeq = head.seq;
        lastHash = head.hash;
        long seq = lastSeq + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = JournalHash.of(counter, seq, at, kind, amountCents, actor, payload, lastHash);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO journal_entry (counter_code, seq, recorded_at, kind,"
                + " amount_cents, actor, payload, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ins.setString(1, counter);
            ins.setLong(2, seq);
            ins.setTimestamp(3, Timestamp.from(at));
            ins.setString(4, kind);
            ins.setLong(5, amountCents);
            ins.setString(6, actor);
            ins.setString(7, payload);
            ins.setString(8, lastHash);
            ins.setString(9, hash);
            ins.executeUpdate();
        }
        try (PreparedStatement upd = c.prepareStatement("UPDATE journal_head SET last_seq = ?, last_hash = ? WHERE counter_code = ?")) {
            upd.setLong(1, seq);
            upd.setString(2, hash);
            upd.setString(3, counter);
            upd.executeUpdate();
        }
        return new JournalEntry(counter, seq, at, kind, amountCents, actor, payload, lastHash, hash);
    }

    /** How many entries the journal holds, all counters (each counter's head names its last sequence number). */
    public static long entries(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(last_seq), 0) FROM journal_head");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Head(long seq, String hash) {
    }

    private static Head lockHead(Connection c, String counter) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement sel = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM journal_head WHERE counter_code = ? FOR UPDATE")) {
                sel.setString(1, counter);
                try (ResultSet rs = sel.executeQuery()) {
                    if (rs.next()) {
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            // A counter's first entry: create its head. If another instance just did, the insert fails and the
            // second pass locks the row it made.
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO journal_head (counter_code, last_seq, last_hash) VALUES (?, 0, ?)")) {
                ins.setString(1, counter);
                ins.setString(2, JournalHash.GENESIS);
                ins.executeUpdate();
            } catch (SQLException duplicate) {
                if (attempt == 1) {
                    throw duplicate;
                }
            }
        }
        throw new SQLException("cannot lock the journal head of " + counter);
    }

    /** Entries of a counter in order (for reports and screens). */
    public static List<JournalEntry> entries(Connection c, String counter) throws SQLException {
        List<JournalEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT counter_code, seq, recorded_at, kind, amount_cents, actor,"
                + " payload, prev_hash, entry_hash FROM journal_entry WHERE counter_code = ? ORDER BY seq")) {
            s.setString(1, counter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(JournalVerifier.row(rs));
                }
            }
        }
        return out;
    }

    /** One entry of a counter's chain, if it exists. */
    public static java.util.Optional<JournalEntry> entry(Connection c, String counter, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT counter_code, seq, recorded_at, kind, amount_cents, actor,"
                + " payload, prev_hash, entry_hash FROM journal_entry WHERE counter_code = ? AND seq = ?")) {
            s.setString(1, counter);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(JournalVerifier.row(rs)) : java.util.Optional.empty();
            }
        }
    }
}

package hk.post.ecert.journal;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks every counter's chain and names each problem: a gap in the sequence, an entry whose content no longer
 * matches its hash (altered), an entry that does not chain to the one before (break: deleted, inserted or
 * reordered), a chain that ends before its recorded head (tail deleted), and checkpoints that do not verify.
 */
public final class JournalVerifier {

    /** One problem the verifier found. */
    public record Finding(Kind kind, String counter, long seq, String detail) {
        public enum Kind { GAP, ALTERED, BREAK, TAIL_MISSING, HEAD_MISSING, CHECKPOINT_INVALID, CHECKPOINT_MISMATCH }

        @Override
        public String toString() {
            return kind + " counter " + counter + " seq " + seq + ": " + detail;
        }
    }

    /** What a verification found, and how much it read. */
    public record Report(long entries, int counters, List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private JournalVerifier() {
    }

    /**
     * @param checkpointKey the journal key's public half, to check signed checkpoints; {@code null} to skip them
     */
    public static Report verify(Connection c, PublicKey checkpointKey) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        Map<String, long[]> lastSeqByCounter = new HashMap<>();
        Map<String, String> lastHashByCounter = new HashMap<>();
        Map<String, Map<Long, String>> hashesAtCheckpoints = new HashMap<>();
        Map<String, List<Long>> checkpointSeqs = checkpointSeqs(c);
        long entries = 0;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT counter_code, seq, recorded_at, kind, amount_cents, actor, payload,"
                    + " prev_hash, entry_hash FROM journal_entry ORDER BY counter_code, seq")) {
                String counter = null;
                long expectedSeq = 1;
                String expectedPrev = JournalHash.GENESIS;
                while (rs.next()) {
                    JournalEntry e = row(rs);
                    entries++;
                    if (!e.counter().equals(counter)) {
                        counter = e.counter();
                        expectedSeq = 1;
                        expectedPrev = JournalHash.GENESIS;
                    }
                    if (e.seq() != expectedSeq) {
                        findings.add(new Finding(Finding.Kind.GAP, counter, expectedSeq,
                                "entries " + expectedSeq + (e.seq() - 1 > expectedSeq ? "–" + (e.seq() - 1) : "") + " are missing"));
                    }
                    if (!JournalHash.of(e).equals(e.hash())) {
                        findings.add(new Finding(Finding.Kind.ALTERED, counter, e.seq(), "its content does not match its hash"));
                    }
                    if (!e.prevHash().equals(expectedPrev)) {
                        findings.add(new Finding(Finding.Kind.BREAK, counter, e.seq(), "it does not chain to the entry before it"));
                    }
                    List<Long> cps = checkpointSeqs.get(counter);
                    if (cps != null && cps.contains(e.seq())) {
                        hashesAtCheckpoints.computeIfAbsent(counter, k -> new HashMap<>()).put(e.seq(), e.hash());
                    }
                    expectedSeq = e.seq() + 1;
                    expectedPrev = e.hash();
                    lastSeqByCounter.put(counter, new long[]{e.seq()});
                    lastHashByCounter.put(counter, e.hash());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT counter_code, last_seq, last_hash FROM journal_head")) {
                while (rs.next()) {
                    String counter = rs.getString(1);
                    long headSeq = rs.getLong(2);
                    long[] last = lastSeqByCounter.get(counter);
                    if (last == null ? headSeq > 0 : last[0] < headSeq) {
                        findings.add(new Finding(Finding.Kind.TAIL_MISSING, counter, headSeq,
                                "the chain ends at " + (last == null ? 0 : last[0]) + " but its head records " + headSeq));
                    } else if (last != null && (last[0] > headSeq || !rs.getString(3).equals(lastHashByCounter.get(counter)))) {
                        findings.add(new Finding(Finding.Kind.HEAD_MISSING, counter, last[0], "the recorded head does not match the chain's end"));
                    }
                }
            }
        }
        if (checkpointKey != null) {
            checkCheckpoints(c, checkpointKey, hashesAtCheckpoints, findings);
        }
        return new Report(entries, lastSeqByCounter.size(), findings);
    }

    private static Map<String, List<Long>> checkpointSeqs(Connection c) throws SQLException {
        Map<String, List<Long>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT counter_code, seq FROM journal_checkpoint")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        return out;
    }

    private static void checkCheckpoints(Connection c, PublicKey key, Map<String, Map<Long, String>> chainHashes,
                                         List<Finding> findings) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT counter_code, seq, entry_hash, signed_at, signature FROM journal_checkpoint");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String counter = rs.getString(1);
                long seq = rs.getLong(2);
                String hash = rs.getString(3);
                if (!JournalCheckpoints.verify(key, counter, seq, hash, rs.getTimestamp(4).toInstant(), rs.getString(5))) {
                    findings.add(new Finding(Finding.Kind.CHECKPOINT_INVALID, counter, seq, "the checkpoint's signature does not verify"));
                }
                String actual = chainHashes.getOrDefault(counter, Map.of()).get(seq);
                if (!hash.equals(actual)) {
                    findings.add(new Finding(Finding.Kind.CHECKPOINT_MISMATCH, counter, seq,
                            "the signed checkpoint does not match the chain at this entry"));
                }
            }
        }
    }

    static JournalEntry row(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8).trim(), rs.getString(9).trim());
    }
}

package hk.post.ecert.journal;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Walks every counter's chain and names each problem: a gap in the sequence, an entry whose content no longer
 * matches its hash (altered), an entry that does not chain to the one before (break: deleted, inserted or
 * reordered), a chain that ends before its recorded head (tail deleted), and checkpoints that do not verify.
 */
public final class JournalVerifier {

    /** One problem the verifier found. */
    public record Finding(Kind kind, String counter, long seq, String detail) {
        public enum Kind { GAP, REORDERED, ALTERED, BREAK, TAIL_MISSING, HEAD_MISSING, CHECKPOINT_INVALID, CHECKPOINT_MISMATCH }

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

    /** Opens a fresh connection (one per parallel segment). */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Verifies with one connection, in one pass. */
    public static Report verify(Connection c, PublicKey checkpointKey) throws SQLException {
        return verify(() -> c, checkpointKey, 1, false);
    }

    /**
     * Verifies in {@code segments} parallel passes over consecutive ranges of the table (one connection each): each
     * segment follows the chains it holds, and the segments are then stitched — a chain's first entry in one segment
     * must follow its last entry in the segment before.
     *
     * @param checkpointKey the journal key's public half, to check signed checkpoints; {@code null} to skip them
     */
    public static Report verify(Connections connections, PublicKey checkpointKey, int segments, boolean closeConnections)
            throws SQLException {
        long minId;
        long maxId;
        Map<String, Set<Long>> checkpointSeqs;
        Connection first = connections.open();
        try {
            try (Statement s = first.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(entry_id), MAX(entry_id) FROM journal_entry")) {
                rs.next();
                minId = rs.getLong(1);
                maxId = rs.getLong(2);
            }
            checkpointSeqs = checkpointSeqs(first);
        } finally {
            if (closeConnections) {
                first.close();
            }
        }
        int n = Math.max(1, segments);
        long span = (maxId - minId) / n + 1;
        List<Future<Segment>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                long from = minId + i * span;
                long to = i == n - 1 ? maxId : from + span - 1;
                futures.add(pool.submit(() -> {
                    Connection c = connections.open();
                    try {
                        return Segment.scan(c, from, to, checkpointSeqs);
                    } finally {
                        if (closeConnections) {
                            c.close();
                        }
                    }
                }));
            }
            List<Segment> parts = new ArrayList<>();
            for (Future<Segment> f : futures) {
                parts.add(f.get());
            }
            return stitch(parts, connections, checkpointKey, closeConnections);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one range of the table says about one counter's chain: looked up once per entry. */
    private static final class Chain {
        final JournalEntry first;   // checked against the previous segment when stitching
        final Set<Long> checkpoints;   // the seqs a signed checkpoint names, or null
        long lastSeq;
        String lastHash;
        Map<Long, String> checkpointHashes;

        Chain(JournalEntry first, Set<Long> checkpoints) {
            this.first = first;
            this.checkpoints = checkpoints;
            this.lastSeq = first.seq();
        }
    }

    /** What one range of the table says about each counter's chain. */
    private static final class Segment {
        final List<Finding> findings = new ArrayList<>();
        final Map<String, Chain> chains = new HashMap<>();
        long entries;

        static Segment scan(Connection c, long from, long to, Map<String, Set<Long>> checkpointSeqs) throws SQLException {
            Segment seg = new Segment();
            // H2 materialises a result before returning its first row unless told to stream: streaming halves the
            // time of a full pass. It is a session setting, so it is put back for a pooled connection.
            boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
            if (h2) {
                try (Statement lazy = c.createStatement()) {
                    lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
            try {
                scanRange(c, from, to, checkpointSeqs, seg);
            } finally {
                if (h2) {
                    try (Statement lazy = c.createStatement()) {
                        lazy.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
            }
            return seg;
        }

        private static void scanRange(Connection c, long from, long to, Map<String, Set<Long>> checkpointSeqs, Segment seg)
                throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT counter_code, seq, recorded_at, kind, amount_cents, actor,"
                    + " payload, prev_hash, entry_hash FROM journal_entry WHERE entry_id BETWEEN ? AND ? ORDER BY entry_id")) {
                s.setFetchSize(10_000);
                s.setLong(1, from);
                s.setLong(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seg.follow(row(rs), checkpointSeqs);
                    }
                }
            }
        }

        void follow(JournalEntry e, Map<String, Set<Long>> checkpointSeqs) {
            entries++;
            String counter = e.counter();
            if (!JournalHash.matches(e)) {
                findings.add(new Finding(Finding.Kind.ALTERED, counter, e.seq(), "its content does not match its hash"));
            }
            Chain chain = chains.get(counter);
            if (chain == null) {
                chain = new Chain(e, checkpointSeqs.get(counter));
                chains.put(counter, chain);
            } else {
                link(findings, counter, e, chain.lastSeq + 1, chain.lastHash);
                chain.lastSeq = Math.max(chain.lastSeq, e.seq());   // a reordered entry does not move the chain back
            }
            if (chain.checkpoints != null && chain.checkpoints.contains(e.seq())) {
                if (chain.checkpointHashes == null) {
                    chain.checkpointHashes = new HashMap<>();
                }
                chain.checkpointHashes.put(e.seq(), e.hash());
            }
            chain.lastHash = e.hash();
        }
    }

    private static void link(List<Finding> findings, String counter, JournalEntry e, long expectedSeq, String expectedPrev) {
        if (e.seq() > expectedSeq) {
            findings.add(new Finding(Finding.Kind.GAP, counter, expectedSeq,
                    "entries " + expectedSeq + (e.seq() - 1 > expectedSeq ? "–" + (e.seq() - 1) : "") + " are missing"));
        } else if (e.seq() < expectedSeq) {
            findings.add(new Finding(Finding.Kind.REORDERED, counter, e.seq(), "it was recorded after entry " + (expectedSeq - 1)));
        }
        if (!e.prevHash().equals(expectedPrev)) {
            findings.add(new Finding(Finding.Kind.BREAK, counter, e.seq(), "it does not chain to the entry before it"));
        }
    }

    private static Report stitch(List<Segment> parts, Connections connections, PublicKey checkpointKey, boolean close)
            throws SQLException {
        List<Finding> findings = new ArrayList<>();
        Map<String, long[]> lastSeqByCounter = new HashMap<>();
        Map<String, String> lastHashByCounter = new HashMap<>();
        Map<String, Map<Long, String>> hashesAtCheckpoints = new HashMap<>();
        long entries = 0;
        for (Segment seg : parts) {
            entries += seg.entries;
            for (Map.Entry<String, Chain> part : seg.chains.entrySet()) {
                String counter = part.getKey();
                Chain chain = part.getValue();
                long[] before = lastSeqByCounter.get(counter);
                link(findings, counter, chain.first, before == null ? 1 : before[0] + 1,
                        before == null ? JournalHash.GENESIS : lastHashByCounter.get(counter));
                if (before == null) {
                    lastSeqByCounter.put(counter, new long[]{chain.lastSeq});
                } else {
                    before[0] = Math.max(before[0], chain.lastSeq);
                }
                lastHashByCounter.put(counter, chain.lastHash);
                if (chain.checkpointHashes != null) {
                    hashesAtCheckpoints.computeIfAbsent(counter, k -> new HashMap<>()).putAll(chain.checkpointHashes);
                }
            }
            findings.addAll(seg.findings);
        }
        findings.sort(Comparator.comparing(Finding::counter).thenComparingLong(Finding::seq));
        Connection c = connections.open();
        try {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT counter_code, last_seq, last_hash FROM journal_head")) {
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
            if (checkpointKey != null) {
                checkCheckpoints(c, checkpointKey, hashesAtCheckpoints, findings);
            }
        } finally {
            if (close) {
                c.close();
            }
        }
        return new Report(entries, lastSeqByCounter.size(), findings);
    }

    private static Map<String, Set<Long>> checkpointSeqs(Connection c) throws SQLException {
        Map<String, Set<Long>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT counter_code, seq FROM journal_checkpoint")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));   // looked up per entry
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
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}

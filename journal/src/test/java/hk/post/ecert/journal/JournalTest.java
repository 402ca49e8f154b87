package hk.post.ecert.journal;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal on a real H2 file database with the project's migrations: append, refuse edits, catch tampering. */
class JournalTest {

    @TempDir
    Path dir;

    private String url;
    private final Journal journal = new Journal();

    /**
     * Held open for the test: H2 closes a file database when its last connection closes (compacting it for up to 200 ms)
     * and opens it again at the next, and each append here is a connection of its own (2.8 s a test before, issue 32).
     */
    private Connection keeper;

    @BeforeEach
    void database() throws SQLException {
        url = "jdbc:h2:file:" + dir.resolve("journal") + ";LOCK_TIMEOUT=10000";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        keeper = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        if (keeper != null) {
            keeper.close();
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, "sa", "");
        c.setAutoCommit(false);
        return c;
    }

    private void append(String counter, String kind, long cents) throws SQLException {
        try (Connection c = open()) {
            journal.append(c, counter, kind, cents, "clerk1", "{\"note\":\"test\"}");
            c.commit();
        }
    }

    private JournalVerifier.Report verify(KeyPair key) throws SQLException {
        try (Connection c = open()) {
            return JournalVerifier.verify(c, key == null ? null : key.getPublic());
        }
    }

    /** The same verification in parallel segments, stitched: it must find exactly the same. */
    private JournalVerifier.Report verifyInSegments(int segments) throws SQLException {
        return JournalVerifier.verify(() -> DriverManager.getConnection(url, "sa", ""), null, segments, true);
    }

    private void dba(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private void sampleDay() throws SQLException {
        for (int i = 0; i < 5; i++) {
            append("GPO-C01", "SALE", 4800);
            append("GPO-C02", "SALE", 15000);
        }
    }

    @Test
    void entriesChainPerCounterAndVerifyIntact() throws Exception {
        sampleDay();
        JournalVerifier.Report r = verify(null);
        assertTrue(r.intact(), r.findings().toString());
        assertEquals(10, r.entries());
        assertEquals(2, r.counters());
        try (Connection c = open()) {
            List<JournalEntry> c01 = Journal.entries(c, "GPO-C01");
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), c01.stream().map(JournalEntry::seq).toList());
            assertEquals(JournalHash.GENESIS, c01.get(0).prevHash());
            for (int i = 1; i < c01.size(); i++) {
                assertEquals(c01.get(i - 1).hash(), c01.get(i).prevHash());
            }
        }
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() throws Exception {
        sampleDay();
        SQLException u = assertThrows(SQLException.class, () -> dba("UPDATE journal_entry SET amount_cents = 0 WHERE seq = 1"));
        assertTrue(u.getMessage().contains("append-only"), u.getMessage());
        SQLException d = assertThrows(SQLException.class, () -> dba("DELETE FROM journal_entry WHERE seq = 2"));
        assertTrue(d.getMessage().contains("append-only"), d.getMessage());
        assertTrue(verify(null).intact());
    }

    @Test
    void anAlteredEntryIsNamed() throws Exception {
        sampleDay();
        dba("DROP TRIGGER journal_entry_append_only",   // someone with DBA rights ...
                "UPDATE journal_entry SET amount_cents = 480 WHERE counter_code = 'GPO-C01' AND seq = 3");
        JournalVerifier.Report r = verify(null);
        assertEquals(List.of("ALTERED counter GPO-C01 seq 3: its content does not match its hash"),
                r.findings().stream().map(Object::toString).toList());
    }

    /**
     * {@code bin/verify-journal}'s connection (read-only, no page cache) finds the same, in segments, and leaves the
     * database's own cache setting as it was: H2 keeps a cache size given on a writable connection.
     */
    @Test
    void theCommandsReadOnlyUncachedScanFindsTheSameAndChangesNoSetting() throws Exception {
        sampleDay();
        dba("DROP TRIGGER journal_entry_append_only",
                "UPDATE journal_entry SET amount_cents = 480 WHERE counter_code = 'GPO-C01' AND seq = 3");
        keeper.close();   // the command opens the file itself, as bin/verify-journal does with the server stopped
        keeper = null;
        String base = "jdbc:h2:file:" + dir.resolve("journal");
        String scan = VerifyJournal.scanUrl(base);
        assertEquals(base + ";ACCESS_MODE_DATA=r;CACHE_SIZE=0", scan);
        assertEquals(base + ";ACCESS_MODE_DATA=rw", VerifyJournal.scanUrl(base + ";ACCESS_MODE_DATA=rw"));
        assertEquals("jdbc:h2:tcp://localhost/x", VerifyJournal.scanUrl("jdbc:h2:tcp://localhost/x"));
        JournalVerifier.Report r = JournalVerifier.verify(() -> DriverManager.getConnection(scan, "sa", ""), null, 2, true);
        assertEquals(List.of("ALTERED counter GPO-C01 seq 3: its content does not match its hash"),
                r.findings().stream().map(Object::toString).toList());
        assertEquals(10, r.entries());
        try (Connection c = DriverManager.getConnection(base, "sa", ""); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'"
                     + " AND SETTING_VALUE = '0'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the database's cache size was left as it was");
        }
    }

    @Test
    void aRecordedHashChangedInItsLastDigitIsNamed() throws Exception {
        sampleDay();
        try (Connection c = open()) {
            JournalEntry e2 = Journal.entries(c, "GPO-C02").get(1);
            assertTrue(JournalHash.matches(e2));
            String h = e2.hash();
            String other = h.substring(0, 63) + (h.charAt(63) == '0' ? '1' : '0');
            assertTrue(!JournalHash.matches(new JournalEntry(e2.counter(), e2.seq(), e2.recordedAt(), e2.kind(), e2.amountCents(),
                    e2.actor(), e2.payload(), e2.prevHash(), other)));
            assertTrue(!JournalHash.matches(new JournalEntry(e2.counter(), e2.seq(), e2.recordedAt(), e2.kind(), e2.amountCents(),
                    e2.actor(), e2.payload(), e2.prevHash(), h.substring(0, 62))), "a shortened hash");
            dba("DROP TRIGGER journal_entry_append_only",
                    "UPDATE journal_entry SET entry_hash = '" + other + "' WHERE counter_code = 'GPO-C02' AND seq = 2");
        }
        List<String> f = verify(null).findings().stream().map(Object::toString).toList();
        assertTrue(f.contains("ALTERED counter GPO-C02 seq 2: its content does not match its hash"), f.toString());
    }

    @Test
    void aDeletedEntryIsAGapAndABreak() throws Exception {
        sampleDay();
        dba("DROP TRIGGER journal_entry_append_only", "DELETE FROM journal_entry WHERE counter_code = 'GPO-C02' AND seq = 2");
        List<String> f = verify(null).findings().stream().map(Object::toString).toList();
        assertTrue(f.contains("GAP counter GPO-C02 seq 2: entries 2 are missing"), f.toString());
        assertTrue(f.contains("BREAK counter GPO-C02 seq 3: it does not chain to the entry before it"), f.toString());
        for (int segments = 2; segments <= 5; segments++) {
            assertEquals(f, verifyInSegments(segments).findings().stream().map(Object::toString).toList(), segments + " segments");
        }
    }

    @Test
    void reorderedEntriesBreakTheChain() throws Exception {
        sampleDay();
        // Swap the order of entries 2 and 3 (their numbers and their place in the table).
        dba("DROP TRIGGER journal_entry_append_only",
                "UPDATE journal_entry SET seq = 99 WHERE counter_code = 'GPO-C01' AND seq = 2",
                "UPDATE journal_entry SET seq = 2 WHERE counter_code = 'GPO-C01' AND seq = 3",
                "UPDATE journal_entry SET seq = 3 WHERE counter_code = 'GPO-C01' AND seq = 99");
        List<JournalVerifier.Finding> f = verify(null).findings();
        assertTrue(f.stream().anyMatch(x -> x.kind() == JournalVerifier.Finding.Kind.REORDERED && x.seq() == 2), f.toString());
        assertTrue(f.stream().anyMatch(x -> x.kind() == JournalVerifier.Finding.Kind.ALTERED && x.seq() == 3),
                "the number is part of the hash: " + f);
    }

    @Test
    void aDeletedTailIsNamedAgainstTheHead() throws Exception {
        sampleDay();
        dba("DROP TRIGGER journal_entry_append_only", "DELETE FROM journal_entry WHERE counter_code = 'GPO-C01' AND seq = 5");
        List<String> f = verify(null).findings().stream().map(Object::toString).toList();
        assertEquals(List.of("TAIL_MISSING counter GPO-C01 seq 5: the chain ends at 4 but its head records 5"), f);
    }

    @Test
    void signedCheckpointsCatchARewrittenChain() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        sampleDay();
        try (Connection c = open()) {
            JournalCheckpoints.checkpoint(c, "GPO-C01", key, "journal-key-1");
            c.commit();
        }
        assertTrue(verify(key).intact());
        // Rewrite entry 5 and re-hash it consistently: only the signed checkpoint still remembers the truth.
        try (Connection c = open()) {
            JournalEntry e5 = Journal.entries(c, "GPO-C01").get(4);
            String forged = JournalHash.of(e5.counter(), 5, e5.recordedAt(), e5.kind(), 0, e5.actor(), e5.payload(), e5.prevHash());
            dba("DROP TRIGGER journal_entry_append_only",
                    "UPDATE journal_entry SET amount_cents = 0, entry_hash = '" + forged + "' WHERE counter_code = 'GPO-C01' AND seq = 5",
                    "UPDATE journal_head SET last_hash = '" + forged + "' WHERE counter_code = 'GPO-C01'");
        }
        List<JournalVerifier.Finding> f = verify(key).findings();
        assertEquals(1, f.size(), f.toString());
        assertEquals(JournalVerifier.Finding.Kind.CHECKPOINT_MISMATCH, f.get(0).kind());
        dba("DROP TRIGGER journal_checkpoint_append_only", "UPDATE journal_checkpoint SET entry_hash = '" + "1".repeat(64) + "'");
        assertTrue(verify(key).findings().stream().anyMatch(x -> x.kind() == JournalVerifier.Finding.Kind.CHECKPOINT_INVALID));
    }

    @Test
    void concurrentAppendsForOneCounterStayGapFreeAndUnique() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    append("GPO-C01", "SALE", 100);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        JournalVerifier.Report r = verify(null);
        assertTrue(r.intact(), r.findings().toString());
        assertEquals(400, r.entries());
        JournalVerifier.Report parallel = verifyInSegments(3);
        assertTrue(parallel.intact(), parallel.findings().toString());
        assertEquals(400, parallel.entries());
    }
}

package hk.post.ecert.journal;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, backups that restore: a counter database with its journal and signed checkpoints, and its key directory,
 * backed up, restored into a fresh data directory, and verified there with the restored key.
 */
class CounterBackupTest {

    @TempDir
    Path dir;

    @Test
    void aBackupRestoresIntoAFreshDirectoryWhereTheJournalAndItsCheckpointsVerify() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("live/db/counter");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keys = Files.createDirectories(dir.resolve("live/ca"));
        Files.writeString(keys.resolve("journal-key.pub"), Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        Files.writeString(keys.resolve("ca.p12"), "a keystore's bytes");
        Journal journal = new Journal();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 20; i++) {
                journal.append(c, i % 2 == 0 ? "GPO-C01" : "GPO-K01", "SALE", 4800, "clerk1", "{\"payment\":\"P-" + i + "\"}");
            }
            JournalCheckpoints.checkpoint(c, "GPO-C01", key, "journal-key-1");
            JournalCheckpoints.checkpoint(c, "GPO-K01", key, "journal-key-1");
            c.commit();
        }

        Path backup = dir.resolve("counter-backup.zip");
        Map<String, String> parts = CounterBackup.backup(url, "sa", "", keys, backup);
        assertEquals(java.util.Set.of("counter.sql", "keys/journal-key.pub", "keys/ca.p12"), parts.keySet());

        String restored = CounterBackup.restore(backup, dir.resolve("fresh"));
        PublicKey restoredKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                VerifyJournal.keyBytes(dir.resolve("fresh/ca/journal-key.pub"))));
        assertEquals("a keystore's bytes", Files.readString(dir.resolve("fresh/ca/ca.p12")));
        JournalVerifier.Report report = JournalVerifier.verify(() -> DriverManager.getConnection(restored, "sa", ""), restoredKey, 2, true);
        assertTrue(report.intact(), report.findings().toString());
        assertEquals(20, report.entries());
        assertEquals(2, report.counters());
        try (Connection c = DriverManager.getConnection(restored, "sa", "")) {
            assertTrue(JournalCheckpoints.latest(c, "GPO-K01").isPresent(), "the checkpoints came back");
            assertThrows(java.sql.SQLException.class, () -> c.createStatement().execute("DELETE FROM journal_entry"),
                    "the restored journal is append-only again");
        }

        // a restore never writes over a database, and refuses a backup altered after it was written
        assertThrows(IOException.class, () -> CounterBackup.restore(backup, dir.resolve("fresh")));
        Path altered = dir.resolve("altered.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(altered))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] body = in.readAllBytes();
                if (e.getName().equals("counter.sql")) {
                    body = new String(body, StandardCharsets.UTF_8).replace("P-3", "P-9").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(body);
                out.closeEntry();
            }
        }
        IOException refused = assertThrows(IOException.class, () -> CounterBackup.restore(altered, dir.resolve("other")));
        assertTrue(refused.getMessage().contains("manifest"), refused.getMessage());
    }
}

package hk.post.ecert.journal.backup;

import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalCheckpoints;
import hk.post.ecert.journal.JournalVerifier;
import hk.post.ecert.journal.VerifyJournal;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issues 19 and 31: a counter database with its journal and signed checkpoints, and its key directory, backed up
 * encrypted and authenticated under a key kept outside the backup, restored as data into a fresh directory, and
 * verified there with the journal key pinned outside the backup. Every way in through a backup is tried and refused.
 */
class CounterBackupTest {

    @TempDir
    Path dir;

    private String url;
    private Path keys;
    private Path backupKey;
    private KeyPair journalKey;

    @BeforeEach
    void aCounterWithAJournalAndKeys() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("live/db/counter");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        journalKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        keys = Files.createDirectories(dir.resolve("live/ca"));
        Files.writeString(keys.resolve("journal-key.pub"), Base64.getEncoder().encodeToString(journalKey.getPublic().getEncoded()));
        Files.writeString(keys.resolve("ca.p12"), "a keystore's bytes");
        Journal journal = new Journal();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 20; i++) {
                journal.append(c, i % 2 == 0 ? "GPO-C01" : "GPO-K01", "SALE", 4800, "clerk1", "{\"payment\":\"P-" + i + "\",\"note\":\"'); DROP TABLE journal_entry; --\"}");
            }
            JournalCheckpoints.checkpoint(c, "GPO-C01", journalKey, "journal-key-1");
            JournalCheckpoints.checkpoint(c, "GPO-K01", journalKey, "journal-key-1");
            c.commit();
        }
        backupKey = dir.resolve("operator/backup.key");   // kept apart from the backups
    }

    @Test
    void anEncryptedBackupRestoresAsDataAndVerifiesWithThePinnedJournalKey() throws Exception {
        Path backup = dir.resolve("counter-backup.ecbk");
        Map<String, String> parts = CounterBackup.backup(url, "sa", "", keys, backup, backupKey);
        assertTrue(parts.containsKey("data/JOURNAL_ENTRY") && parts.containsKey("keys/ca.p12"), parts.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)), "the backup is the owner's only");
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backupKey)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backupKey.getParent())));
        byte[] sealed = Files.readAllBytes(backup);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("keystore"), "the keys are not in clear");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("clerk1"), "nor the data");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(Base64.getEncoder().encodeToString(Files.readAllBytes(backupKey))),
                "the backup key is not in the backup");
        assertTrue(Files.exists(CounterBackup.pinnedJournalKey(backupKey)), "the journal key is pinned outside the backup");

        String restored = CounterBackup.restore(backup, dir.resolve("fresh"), backupKey);
        assertEquals("a keystore's bytes", Files.readString(dir.resolve("fresh/ca/ca.p12")));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh/ca/ca.p12"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh/ca"))));
        PublicKey pinned = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                VerifyJournal.keyBytes(CounterBackup.pinnedJournalKey(backupKey))));
        JournalVerifier.Report report = JournalVerifier.verify(() -> DriverManager.getConnection(restored, "", ""), pinned, 2, true);
        assertTrue(report.intact(), report.findings().toString());
        assertEquals(20, report.entries());
        try (Connection c = DriverManager.getConnection(restored, "", "")) {
            assertTrue(JournalCheckpoints.latest(c, "GPO-K01").isPresent(), "the checkpoints came back");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM journal_entry WHERE payload LIKE '%DROP TABLE%'")) {
                rs.next();
                assertEquals(20, rs.getLong(1), "SQL in the data is restored as text, never run");
            }
            assertThrows(java.sql.SQLException.class, () -> c.createStatement().execute("DELETE FROM journal_entry"),
                    "the restored journal is append-only again");
        }
        // a restore never writes over a database
        assertThrows(IOException.class, () -> CounterBackup.restore(backup, dir.resolve("fresh"), backupKey));
    }

    @Test
    void anAlteredCutShortOrForeignBackupAndTheWrongKeyAreRefusedBeforeAnythingIsRestored() throws Exception {
        Path backup = dir.resolve("counter-backup.ecbk");
        CounterBackup.backup(url, "sa", "", keys, backup, backupKey);
        byte[] good = Files.readAllBytes(backup);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        assertRefused(flipped, backupKey, "altered");
        assertRefused(java.util.Arrays.copyOf(good, good.length - 10), backupKey, "cut short");

        Path otherKey = dir.resolve("elsewhere/backup.key");
        CounterBackup.backupKey(otherKey, true);
        assertRefused(good, otherKey, "the wrong key");

        // the old attack: a zip whose counter.sql defines an alias that runs a command — refused, nothing is run
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("counter.sql"));
            z.write("CREATE ALIAS EXEC AS 'String e(String c) throws Exception { Runtime.getRuntime().exec(c); return c; }'; CALL EXEC('touch pwned');"
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertRefused(zip.toByteArray(), backupKey, "an unencrypted zip with a script");
        ByteArrayOutputStream sealedScript = new ByteArrayOutputStream();
        SealedFile.seal(CounterBackup.backupKey(backupKey, false), new ByteArrayInputStream(zip.toByteArray()), sealedScript);
        assertRefused(sealedScript.toByteArray(), backupKey, "a script even under the right key");

        // a table the software does not have, named to break out of the INSERT, is refused
        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(evil)) {
            z.putNextEntry(new ZipEntry("schema-version"));
            z.write("3.1".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("data/JOURNAL_ENTRY\" (x) VALUES (1); CREATE ALIAS X AS 'y'; --"));
            DataOutputStream d = new DataOutputStream(z);
            d.writeInt(1);
            TableData.text(d, "X");
            d.writeByte(0);
            d.flush();
            z.closeEntry();
        }
        ByteArrayOutputStream sealedEvil = new ByteArrayOutputStream();
        SealedFile.seal(CounterBackup.backupKey(backupKey, false), new ByteArrayInputStream(evil.toByteArray()), sealedEvil);
        assertRefused(sealedEvil.toByteArray(), backupKey, "a table this version does not have");
        assertFalse(Files.exists(Path.of("pwned")));
    }

    @Test
    void aKeyDirectoryWhoseJournalKeyWasSwappedIsNotBackedUpUnderThePinnedKey() throws Exception {
        CounterBackup.backup(url, "sa", "", keys, dir.resolve("first.ecbk"), backupKey);
        KeyPair forged = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(keys.resolve("journal-key.pub"), Base64.getEncoder().encodeToString(forged.getPublic().getEncoded()));
        IOException refused = assertThrows(IOException.class, () -> CounterBackup.backup(url, "sa", "", keys, dir.resolve("second.ecbk"), backupKey));
        assertTrue(refused.getMessage().contains("pinned"), refused.getMessage());
    }

    private void assertRefused(byte[] backup, Path key, String what) throws IOException {
        Path file = dir.resolve("try-" + Math.abs(what.hashCode()) + ".ecbk");
        Files.write(file, backup);
        Path target = dir.resolve("target-" + Math.abs(what.hashCode()));
        assertThrows(IOException.class, () -> CounterBackup.restore(file, target, key), what + " is refused");
        assertFalse(Files.exists(target.resolve("db/counter.mv.db")), what + ": nothing was restored");
    }
}

package hk.post.ecert.journal.backup;

import org.flywaydb.core.Flyway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup of the counter's embedded (H2) database and its key directory, and its restore into a fresh data directory
 * (issues 19 and 31).
 *
 * <ul>
 *   <li><b>Encrypted and authenticated</b> ({@link SealedFile}) with a backup key that is never stored in a backup: a
 *   file the operator keeps apart ({@code COUNTER_BACKUP_KEY}, default {@code ~/.config/ecert-counter/backup.key}, made
 *   0400 in a 0700 folder at the first backup). The backup file is written 0600.</li>
 *   <li><b>Data, never a script.</b> Each table's rows are typed values ({@link TableData}); a restore makes the schema
 *   with the restoring software's own migrations, up to the backup's version, and binds every value as a parameter.</li>
 *   <li><b>Keys restored 0400 in 0700 folders.</b></li>
 *   <li><b>Checked against a journal key held outside the backup:</b> the first backup pins the journal's public key
 *   beside the backup key; a backup whose journal key differs is refused, and {@code bin/restore} verifies the restored
 *   journal with the pinned key, not the one that came in the backup.</li>
 * </ul>
 *
 * <p>Commands: {@code CounterBackup backup <jdbc-url> <key-dir> <out> <backup-key-file>} and
 * {@code CounterBackup restore <backup> <data-dir> <backup-key-file>}.
 */
public final class CounterBackup {

    static final String SCHEMA_VERSION = "schema-version";
    static final String DATA = "data/";
    static final String KEYS = "keys/";
    static final String JOURNAL_PUBLIC_KEY = "journal-key.pub";
    private static final String HISTORY = "flyway_schema_history";

    private CounterBackup() {
    }

    /** The backup key in {@code file}: read, or made once (32 random bytes, base64, 0400 in a 0700 folder). */
    public static byte[] backupKey(Path file, boolean create) throws IOException {
        if (!Files.exists(file)) {
            if (!create) {
                throw new IOException("no backup key at " + file + ": restore with the key the backup was made with");
            }
            Files.createDirectories(file.toAbsolutePath().getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                return backupKey(file, false);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
            return key;
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        if (!mode.startsWith("r") || !mode.substring(3).equals("------")) {
            throw new IOException("the backup key " + file + " is " + mode + ": others may read it. chmod 400 it (and treat it as exposed)");
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
        if (key.length != 32) {
            throw new IOException("the backup key " + file + " is not 32 bytes");
        }
        return key;
    }

    /** Writes the sealed backup; returns what it holds (each table's rows, each key file's SHA-256). */
    public static Map<String, String> backup(String jdbcUrl, String user, String password, Path keyDir, Path out, Path backupKeyFile)
            throws SQLException, IOException {
        byte[] key = backupKey(backupKeyFile, true);
        pinJournalKey(keyDir, backupKeyFile);
        Map<String, String> parts = new LinkedHashMap<>();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(plain);
             Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);   // one consistent view of every table
            String version = schemaVersion(c);
            entry(zip, SCHEMA_VERSION, version.getBytes(StandardCharsets.US_ASCII));
            parts.put(SCHEMA_VERSION, version);
            for (String table : tables(c)) {
                zip.putNextEntry(new ZipEntry(DATA + table));
                DataOutputStream data = new DataOutputStream(zip);
                long rows = TableData.write(c, table, data);
                data.flush();
                zip.closeEntry();
                parts.put(DATA + table, rows + " rows");
            }
            c.rollback();
            if (keyDir != null && Files.isDirectory(keyDir)) {
                try (Stream<Path> files = Files.walk(keyDir)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tmp")).sorted().toList()) {
                        String name = KEYS + keyDir.relativize(f).toString().replace('\\', '/');
                        byte[] bytes = Files.readAllBytes(f);
                        entry(zip, name, bytes);
                        parts.put(name, sha256(bytes));
                    }
                }
            }
        }
        Files.deleteIfExists(out);
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            SealedFile.seal(key, new java.io.ByteArrayInputStream(plain.toByteArray()), o);
        }
        return parts;
    }

    /**
     * Restores a backup into {@code dataDir} (which must not hold a database yet): the whole file is authenticated
     * first; the schema is made by {@code migrations} (the restoring software's own) up to the backup's version; the
     * rows go in as data; the keys go to {@code dataDir/ca}, 0400 in 0700 folders.
     *
     * @return the restored database's JDBC URL
     */
    public static String restore(Path backup, Path dataDir, Path backupKeyFile, String... migrations) throws SQLException, IOException {
        Path db = dataDir.resolve("db");
        if (Files.exists(db.resolve("counter.mv.db"))) {
            throw new IOException(db.resolve("counter.mv.db") + " exists: restore into a fresh data directory");
        }
        byte[] key = backupKey(backupKeyFile, false);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(backup)) {
            SealedFile.open(key, in, plain);   // throws before anything is restored if a byte was changed
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\")
                        || !(name.equals(SCHEMA_VERSION) || name.startsWith(DATA) || name.startsWith(KEYS))) {
                    throw new IOException("a backup part named " + name + " is refused");
                }
                parts.put(name, zip.readAllBytes());
            }
        }
        String version = new String(Optional.ofNullable(parts.get(SCHEMA_VERSION)).orElseThrow(
                () -> new IOException("the backup names no schema version")), StandardCharsets.US_ASCII).trim();
        requirePinnedJournalKey(parts.get(KEYS + JOURNAL_PUBLIC_KEY), backupKeyFile);
        Files.createDirectories(db, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String url = "jdbc:h2:file:" + db.resolve("counter");
        try {
            restoreRows(url, version, parts, migrations);
        } catch (SQLException | IOException | RuntimeException e) {
            // nothing half-restored is left behind to be started by mistake
            Files.deleteIfExists(db.resolve("counter.mv.db"));
            Files.deleteIfExists(db.resolve("counter.trace.db"));
            throw e;
        }
        Path ca = dataDir.resolve("ca");
        Files.createDirectories(ca, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            if (p.getKey().startsWith(KEYS)) {
                Path to = ca.resolve(p.getKey().substring(KEYS.length())).normalize();
                if (!to.startsWith(ca)) {
                    throw new IOException("a key part named " + p.getKey() + " is refused");
                }
                Files.createDirectories(to.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.setPosixFilePermissions(to.getParent(), PosixFilePermissions.fromString("rwx------"));
                boolean publicKey = to.getFileName().toString().endsWith(".pub");
                Files.write(to, p.getValue(), StandardOpenOption.CREATE_NEW);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(publicKey ? "r--r--r--" : "r--------"));
            }
        }
        return url;
    }


    private static void restoreRows(String url, String version, Map<String, byte[]> parts, String... migrations) throws SQLException, IOException {
        Flyway.configure().dataSource(url, "", "").locations(migrations.length == 0 ? new String[]{"classpath:db/migration", "classpath:db/vendor/h2"} : migrations)
                .target(version).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            c.setAutoCommit(false);
            if (!schemaVersion(c).equals(version)) {
                throw new IOException("the backup is of schema version " + version + "; this software's migrations reach " + schemaVersion(c));
            }
            Set<String> tables = new HashSet<>(tables(c));
            try (Statement s = c.createStatement()) {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            }
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                if (!p.getKey().startsWith(DATA)) {
                    continue;
                }
                String table = p.getKey().substring(DATA.length());
                if (!tables.contains(table)) {
                    throw new IOException("the backup has a table " + table + " this version does not have: refused");
                }
                emptyOfSeededRows(c, table);
                TableData.read(c, table, columns(c, table), new DataInputStream(new java.io.ByteArrayInputStream(p.getValue())));
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
            restartIdentities(c);
            c.commit();
        }
    }

    /** Where the journal's public key is pinned: beside the backup key, outside every backup. */
    public static Path pinnedJournalKey(Path backupKeyFile) {
        return backupKeyFile.toAbsolutePath().getParent().resolve(JOURNAL_PUBLIC_KEY);
    }

    private static void pinJournalKey(Path keyDir, Path backupKeyFile) throws IOException {
        Path current = keyDir == null ? null : keyDir.resolve(JOURNAL_PUBLIC_KEY);
        if (current == null || !Files.exists(current)) {
            return;
        }
        Path pinned = pinnedJournalKey(backupKeyFile);
        if (!Files.exists(pinned)) {
            Files.copy(current, pinned);
            Files.setPosixFilePermissions(pinned, PosixFilePermissions.fromString("r--r--r--"));
        } else if (!Files.readString(pinned).trim().equals(Files.readString(current).trim())) {
            throw new IOException("the journal key in " + current + " is not the one pinned in " + pinned
                    + ": if the journal key was changed on purpose, replace the pinned copy; otherwise the key directory was tampered with");
        }
    }

    private static void requirePinnedJournalKey(byte[] inBackup, Path backupKeyFile) throws IOException {
        Path pinned = pinnedJournalKey(backupKeyFile);
        if (inBackup != null && Files.exists(pinned)
                && !new String(inBackup, StandardCharsets.US_ASCII).trim().equals(Files.readString(pinned).trim())) {
            throw new IOException("the backup's journal key is not the one pinned in " + pinned + ": refused");
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"version\" FROM " + TableData.quote(HISTORY)
                + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions.stream().max(CounterBackup::compareVersions).orElseThrow(() -> new SQLException("no migrated schema"));
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    /** The database's own tables, from its catalogue (never from a backup), the migration history aside. */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[]{"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (!t.equalsIgnoreCase(HISTORY)) {
                    out.add(t);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", table, "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    /** Rows a migration seeded (a catalogue, a setting) give way to the backup's. */
    private static void emptyOfSeededRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TableData.quote(table))) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + TableData.quote(table));
        }
    }

    private static void restartIdentities(Connection c) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_IDENTITY = 'YES'"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                identities.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] id : identities) {
            long next;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + TableData.quote(id[1]) + "), 0) + 1 FROM "
                    + TableData.quote(id[0]))) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + TableData.quote(id[0]) + " ALTER COLUMN " + TableData.quote(id[1]) + " RESTART WITH " + next);
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && "backup".equals(args[0])) {
            Map<String, String> m = backup(args[1], "", "", Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            long tables = m.keySet().stream().filter(k -> k.startsWith(DATA)).count();
            System.out.println("backup written to " + args[3] + " (0600, encrypted with " + args[4] + "): schema " + m.get(SCHEMA_VERSION)
                    + ", " + tables + " tables, " + (m.size() - tables - 1) + " key files. Keep the backup key apart from the backups.");
        } else if (args.length == 4 && "restore".equals(args[0])) {
            String url = restore(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            System.out.println("restored into " + args[2] + " (" + url + ")");
        } else {
            System.err.println("usage: CounterBackup backup <jdbc-url> <key-dir> <out> <backup-key-file> | restore <backup> <data-dir> <backup-key-file>");
            System.exit(2);
        }
    }
}

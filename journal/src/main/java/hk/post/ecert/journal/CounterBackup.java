package hk.post.ecert.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup of the counter's embedded (H2) database and its key directory (issue 19), and its restore into a fresh
 * data directory. The database is written as one consistent SQL script (H2's {@code SCRIPT}, inside one transaction:
 * every table, the journal and its checkpoints, the migration history); the key directory's files go beside it; a
 * manifest names each part with its SHA-256, and a restore refuses a backup whose parts do not match it. After a
 * restore, {@code bin/verify-journal} on the restored directory checks the journal's chains and its signed checkpoints.
 *
 * <p>The backup holds the keys (the CA's, the journal's): keep it as the keys are kept. PostgreSQL deployments back up
 * with {@code pg_dump} and the key directory (README, "Backups").
 *
 * <p>Commands: {@code CounterBackup backup <jdbc-url> <key-dir> <out.zip>} and
 * {@code CounterBackup restore <backup.zip> <data-dir>}.
 */
public final class CounterBackup {

    static final String SCRIPT = "counter.sql";
    static final String KEYS = "keys/";
    static final String MANIFEST = "MANIFEST";

    private CounterBackup() {
    }

    /** Writes the backup; returns the manifest (each part and its SHA-256). */
    public static Map<String, String> backup(String jdbcUrl, String user, String password, Path keyDir, Path out)
            throws SQLException, IOException {
        Path work = Files.createTempDirectory("counter-backup-");
        try {
            Path script = work.resolve(SCRIPT);
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
                s.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "'");
            }
            Map<String, String> manifest = new LinkedHashMap<>();
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
                manifest.put(SCRIPT, add(zip, SCRIPT, script));
                if (keyDir != null && Files.isDirectory(keyDir)) {
                    try (Stream<Path> files = Files.walk(keyDir)) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            String name = KEYS + keyDir.relativize(f).toString().replace('\\', '/');
                            manifest.put(name, add(zip, name, f));
                        }
                    }
                }
                StringBuilder m = new StringBuilder("# e-Cert Counter backup, written " + Instant.now() + "\n");
                manifest.forEach((k, v) -> m.append(v).append("  ").append(k).append('\n'));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(m.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return manifest;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                zip.write(buf, 0, n);
                sha.update(buf, 0, n);
            }
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Restores a backup into {@code dataDir} (which must not hold a database yet): the parts are checked against the
     * manifest first; the database goes to {@code dataDir/db/counter}, the keys to {@code dataDir/ca}.
     *
     * @return the restored database's JDBC URL
     */
    public static String restore(Path backup, Path dataDir) throws SQLException, IOException {
        Path db = dataDir.resolve("db");
        if (Files.exists(db.resolve("counter.mv.db"))) {
            throw new IOException(db.resolve("counter.mv.db") + " exists: restore into a fresh data directory");
        }
        Path work = Files.createTempDirectory("counter-restore-");
        Map<String, String> manifest = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.contains("..") || name.startsWith("/")) {
                    throw new IOException("a backup part named " + name + " is refused");
                }
                if (MANIFEST.equals(name)) {
                    for (String line : new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            manifest.put(line.substring(66), line.substring(0, 64));
                        }
                    }
                    continue;
                }
                Path to = work.resolve(name);
                Files.createDirectories(to.getParent());
                MessageDigest sha = sha256();
                try (OutputStream out = Files.newOutputStream(to)) {
                    byte[] buf = new byte[65536];
                    for (int n; (n = zip.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                        sha.update(buf, 0, n);
                    }
                }
                found.put(name, HexFormat.of().formatHex(sha.digest()));
                parts.add(name);
            }
        }
        if (manifest.isEmpty() || !manifest.equals(found)) {
            throw new IOException("the backup does not match its manifest: it was altered or is incomplete");
        }
        Files.createDirectories(db);
        String url = "jdbc:h2:file:" + db.resolve("counter");
        try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + work.resolve(SCRIPT).toString().replace("'", "''") + "'");
        }
        Path ca = dataDir.resolve("ca");
        for (String name : parts) {
            if (name.startsWith(KEYS)) {
                Path to = ca.resolve(name.substring(KEYS.length()));
                Files.createDirectories(to.getParent());
                Files.copy(work.resolve(name), to);
            }
        }
        return url;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && "backup".equals(args[0])) {
            Map<String, String> m = backup(args[1], "", "", Path.of(args[2]), Path.of(args[3]));
            System.out.println("backup written to " + args[3] + ": " + m.size() + " parts (the database and " + (m.size() - 1) + " key files)");
        } else if (args.length == 3 && "restore".equals(args[0])) {
            String url = restore(Path.of(args[1]), Path.of(args[2]));
            System.out.println("restored into " + args[2] + " (" + url + "); check it with: COUNTER_DATA=" + args[2] + " bin/verify-journal");
        } else {
            System.err.println("usage: CounterBackup backup <jdbc-url> <key-dir> <out.zip> | restore <backup.zip> <data-dir>");
            System.exit(2);
        }
    }
}

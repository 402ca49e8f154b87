package hk.post.ecert.bench;

import hk.post.ecert.journal.VerifyJournal;
import hk.post.ecert.journal.Journal;
import hk.post.ecert.journal.JournalHash;
import hk.post.ecert.journal.JournalVerifier;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code bin/bench journal}: appends through the real {@link Journal} on an embedded H2 file database, one
 * transaction per append (as the counter does), and a full verification of a journal of 1,000,000 entries across
 * 130 counters. Run as {@code JournalSpeed <dir> append} and {@code JournalSpeed <dir> verify}, each in its own JVM. The
 * cold figure is {@code bin/verify-journal}'s own command in a fresh JVM (before, the first pass in this JVM, which had
 * already loaded H2 for the migration); the median is of three passes in this JVM; the baseline, in this JVM, is one
 * plain read of every entry's columns on the same connection settings, with no hashing or chain-following.
 */
public final class JournalSpeed {

    private static final int APPENDS = 20_000;
    private static final int VERIFY_ENTRIES = 1_000_000;
    private static final int COUNTERS = 130;

    private JournalSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args.length > 2 && args[1].equals("read")) {
            VerifyJournal.readOnce();
            long t0 = System.nanoTime();
            readPass(args[2]);
            System.out.printf("plain read pass: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        } else if (args.length > 1 && args[1].equals("verify")) {
            VerifyJournal.readOnce();
            verify(dir.resolve("verify"));
        } else {
            System.out.printf("RESULT journal append_per_s=%.0f%n", appends(dir.resolve("append")));
        }
    }

    private static String migrate(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return url;
    }

    private static double appends(Path dir) throws Exception {
        String url = migrate(dir);
        Journal journal = new Journal();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 2_000; i++) {   // warm up
                journal.append(c, "WARM-" + (i % 4), "SALE", 4800, "clerk1", "{\"item\":\"PERSONAL_RENEWAL\"}");
                c.commit();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < APPENDS; i++) {
                journal.append(c, "GPO-C0" + (i % 4), "SALE", 4800, "clerk1",
                        "{\"item\":\"PERSONAL_RENEWAL\",\"tender\":\"CASH\",\"payment\":\"P-" + i + "\"}");
                c.commit();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d appends (one transaction each) in %.2f s%n", APPENDS, s);
            return APPENDS / s;
        }
    }

    private static double verify(Path dir) throws Exception {
        String url = migrate(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            String[] hash = new String[COUNTERS];
            long[] seq = new long[COUNTERS];
            java.util.Arrays.fill(hash, JournalHash.GENESIS);
            Instant start = Instant.parse("2026-11-25T01:00:00Z");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO journal_entry (counter_code, seq, recorded_at, kind,"
                    + " amount_cents, actor, payload, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < VERIFY_ENTRIES; i++) {
                    int k = i % COUNTERS;
                    String counter = "C" + k;
                    long n = ++seq[k];
                    Instant at = start.plus(i, ChronoUnit.MILLIS);
                    String payload = "{\"payment\":\"P-" + i + "\"}";
                    String h = JournalHash.of(counter, n, at, "SALE", 4800, "clerk1", payload, hash[k]);
                    ins.setString(1, counter);
                    ins.setLong(2, n);
                    ins.setTimestamp(3, Timestamp.from(at));
                    ins.setString(4, "SALE");
                    ins.setLong(5, 4800);
                    ins.setString(6, "clerk1");
                    ins.setString(7, payload);
                    ins.setString(8, hash[k]);
                    ins.setString(9, h);
                    ins.addBatch();
                    hash[k] = h;
                    if (i % 10_000 == 9_999) {
                        ins.executeBatch();
                        c.commit();
                    }
                }
                ins.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("INSERT INTO journal_head (counter_code, last_seq, last_hash) VALUES (?,?,?)")) {
                for (int k = 0; k < COUNTERS; k++) {
                    head.setString(1, "C" + k);
                    head.setLong(2, seq[k]);
                    head.setString(3, hash[k]);
                    head.addBatch();
                }
                head.executeBatch();
            }
            c.commit();
            System.out.printf("loaded %d entries in %.1f s%n", VERIFY_ENTRIES, (System.nanoTime() - t0) / 1e9);
        }
        double cold = commandPass(url);
        String scan = VerifyJournal.scanUrl(url);
        double[] runs = new double[3];
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            JournalVerifier.Report r = JournalVerifier.verify(() -> DriverManager.getConnection(scan, "sa", ""), null,
                    Runtime.getRuntime().availableProcessors(), true);
            double s = (System.nanoTime() - t0) / 1e9;
            if (!r.intact() || r.entries() != VERIFY_ENTRIES) {
                throw new IllegalStateException("verification failed: " + r.findings().size() + " findings, " + r.entries() + " entries");
            }
            System.out.printf("verify run %d: %d entries on %d counters in %.2f s%n", run, r.entries(), r.counters(), s);
            runs[run] = s;
        }
        java.util.Arrays.sort(runs);
        double read = read(scan);
        double coldRead = coldRead(scan);
        System.out.printf("RESULT journal verify_1m_s=%.2f verify_1m_cold_s=%.2f read_1m_s=%.2f read_1m_cold_s=%.2f verify_vs_read=%.2f"
                        + " cold_vs_read=%.2f cold_vs_cold_read=%.2f%n",
                runs[1], cold, read, coldRead, runs[1] / read, cold / read, cold / coldRead);
        return runs[1];   // the median of three
    }

    /**
     * The cold pass as {@code bin/verify-journal} runs it: {@code VerifyJournal} in a JVM of its own, with its flags,
     * on the database this run loaded; the time it prints (from the first connection to the last finding).
     */
    private static double commandPass(String url) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaCommand, "-XX:+UseParallelGC", "-XX:-TieredCompilation", "-cp",
                System.getProperty("java.class.path"), VerifyJournal.class.getName(), url, "sa", "")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = p.waitFor();
        System.out.print("bin/verify-journal's pass: " + out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("journal INTACT: " + VERIFY_ENTRIES
                + " entries on \\d+ counters verified in ([0-9.]+) s").matcher(out);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("the command's pass did not find the journal intact (exit " + exit + ")");
        }
        return Double.parseDouble(m.group(1));
    }

    /** The baseline: every entry's columns read once, in the same segments as the verifier, nothing else done (median of three). */
    private static double read(String url) throws Exception {
        double[] runs = new double[3];
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            readPass(url);
            runs[run] = (System.nanoTime() - t0) / 1e9;
            System.out.printf("read run %d: %.2f s%n", run, runs[run]);
        }
        java.util.Arrays.sort(runs);
        return runs[1];
    }

    /**
     * The cold pass's baseline: the same plain read in a fresh JVM with {@code bin/verify-journal}'s flags, timed as the
     * command times itself (from its first connection to its last row): what H2 and a cold JVM cost before any hashing.
     */
    private static double coldRead(String url) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaCommand, "-XX:+UseParallelGC", "-XX:-TieredCompilation", "-cp",
                System.getProperty("java.class.path"), JournalSpeed.class.getName(), "-", "read", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = p.waitFor();
        System.out.print(out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("plain read pass: ([0-9.]+) s").matcher(out);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("the cold plain read did not finish (exit " + exit + ")");
        }
        return Double.parseDouble(m.group(1));
    }

    private static void readPass(String url) throws Exception {
        int segments = Runtime.getRuntime().availableProcessors();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(segments);
        try {
            java.util.List<java.util.concurrent.Future<Long>> parts = new java.util.ArrayList<>();
            long span = VERIFY_ENTRIES / segments + 1;
            for (int i = 0; i < segments; i++) {
                long from = 1 + i * span;
                parts.add(pool.submit(() -> {
                    long n = 0;
                    try (Connection c = DriverManager.getConnection(url, "sa", "");
                         PreparedStatement s = c.prepareStatement("SELECT counter_code, seq, recorded_at, kind, amount_cents, actor,"
                                 + " payload, prev_hash, entry_hash FROM journal_entry WHERE entry_id BETWEEN ? AND ? ORDER BY entry_id")) {
                        try (java.sql.Statement lazy = c.createStatement()) {
                            lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                        }
                        s.setFetchSize(10_000);
                        s.setLong(1, from);
                        s.setLong(2, from + span - 1);
                        try (java.sql.ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                n += rs.getString(1).length() + rs.getLong(2) + rs.getTimestamp(3).getNanos() + rs.getString(4).length()
                                        + rs.getLong(5) + rs.getString(6).length() + rs.getString(7).length() + rs.getString(8).length()
                                        + rs.getString(9).length();
                            }
                        }
                    }
                    return n;
                }));
            }
            for (java.util.concurrent.Future<Long> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}

package hk.post.ecert.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster from Debian's {@code postgresql} package: its own data directory and port on loopback,
 * a database {@code counter} owned by the role {@code counter_owner}, which migrates, and the role {@code counter},
 * which the servers run as and which owns nothing (issue 31; as {@code bin/lib/postgres.sh} sets up for {@code bin/run}).
 * PostgreSQL refuses to run as root, so as root its commands run as the {@code postgres} user.
 */
public final class Postgres implements AutoCloseable {

    public static final String DB = "counter";
    public static final String USER = "counter";
    public static final String PASSWORD = "counter";
    public static final String OWNER = "counter_owner";
    public static final String OWNER_PASSWORD = "counter-owner";

    private final Path dir;
    private final int port;

    private final boolean durable;

    private Postgres(Path dir, int port, boolean durable) {
        this.dir = dir;
        this.port = port;
        this.durable = durable;
    }

    /** The newest installed server's bin directory, if any. */
    public static Optional<Path> bin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Postgres start(int port) throws IOException, InterruptedException {
        return start(port, false);
    }

    /**
     * @param durable {@code synchronous_commit=on}: a commit is acknowledged only once its WAL is written, so a crash
     *                of the database (not of the machine: fsync stays off) loses no acknowledged commit. Off, as for
     *                throughput runs, PostgreSQL may lose the last commits it acknowledged when it is killed.
     */
    public static Postgres start(int port, boolean durable) throws IOException, InterruptedException {
        Path bin = bin().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (bin/test installs postgresql)"));
        Path dir = Files.createTempDirectory("ecert-pg-");
        if (root()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        run(bin.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        Postgres pg = new Postgres(dir, port, durable);
        pgStart(bin, dir, port, durable);
        String psql = bin.resolve("psql").toString();
        run(psql, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-qc",
                "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        run(psql, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-qc",
                "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
        run(psql, "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-qc",
                "CREATE DATABASE " + DB + " OWNER " + OWNER);
        return pg;
    }

    private static void pgStart(Path bin, Path dir, int port, boolean durable) throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off"
                        + " -c synchronous_commit=" + (durable ? "on" : "off"), "start");
    }

    /**
     * Stops the database at once ({@code -m immediate}: every connection is cut, as in a crash; it recovers from its
     * write-ahead log on start) and starts it again on the same port; returns the seconds it was away.
     */
    public double restart() throws IOException, InterruptedException {
        Path bin = bin().orElseThrow();
        long t0 = System.nanoTime();
        run(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "immediate", "-w", "stop");
        pgStart(bin, dir, port, durable);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(cmd));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DB;
    }

    /** A connection as the servers' own role. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** A connection as the owner role, which migrates. */
    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), OWNER, OWNER_PASSWORD);
    }

    /** The servers' JVM options for the owner role's migrations. */
    public List<String> migrateOptions() {
        return List.of("-Dcounter.db.migrate.url=" + jdbcUrl(), "-Dcounter.db.migrate.user=" + OWNER, "-Dcounter.db.migrate.password=" + OWNER_PASSWORD);
    }

    /** The Payara post-boot commands that point {@code jdbc/__default} at this database. */
    public String postBootCommands() {
        return "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource"
                + " --steadypoolsize 4 --maxpoolsize 64 --property serverName=127.0.0.1:portNumber=" + port + ":databaseName=" + DB
                + ":user=" + USER + ":password=" + PASSWORD + " CounterPool\n"
                + "delete-jdbc-resource jdbc/__default\n"
                + "create-jdbc-resource --connectionpoolid CounterPool jdbc/__default\n";
    }

    @Override
    public void close() {
        try {
            run(bin().orElseThrow().resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("stopping PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}

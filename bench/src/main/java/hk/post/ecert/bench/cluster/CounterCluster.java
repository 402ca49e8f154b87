package hk.post.ecert.bench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The production shape on one machine: PostgreSQL and Payara Micro instances of the counter service that share it and
 * form a Hazelcast cluster on loopback ({@code --clustermode tcpip}), with one CA and journal key directory shared by
 * all (in production: the same files on each instance's host). Seeds {@code counters} BENCH counters whose terminals
 * wait for real terminal agents to enrol with {@code <enrolmentCode>-<nnn>}.
 */
public final class CounterCluster implements AutoCloseable {

    private final Path root;
    private final Path work;
    private final Postgres postgres;
    private final int counters;
    private final String enrolmentCode;
    private final String clusterName = "ecert-" + UUID.randomUUID().toString().substring(0, 8);
    private final int hazelcastPort;
    private final List<CounterInstance> instances = new ArrayList<>();
    private final java.util.Map<String, Integer> ports = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> starts = new java.util.HashMap<>();
    private final List<String> extraJvm = new ArrayList<>();

    private CounterCluster(Path root, Path work, Postgres postgres, int counters, String enrolmentCode, int hazelcastPort) {
        this.root = root;
        this.work = work;
        this.postgres = postgres;
        this.counters = counters;
        this.enrolmentCode = enrolmentCode;
        this.hazelcastPort = hazelcastPort;
    }

    /** The repository root: {@code ecert.root}, or the parent of the working directory when that is a module. */
    public static Path repositoryRoot() {
        String p = System.getProperty("ecert.root");
        if (p != null) {
            return Path.of(p).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return Files.exists(cwd.resolve("counter-server")) ? cwd : cwd.getParent();
    }

    public static CounterCluster start(Path work, int counters, String enrolmentCode) throws IOException, InterruptedException {
        return start(work, counters, enrolmentCode, false);
    }

    /** @param durable a database that loses no acknowledged commit when it is killed ({@link Postgres#start(int, boolean)}) */
    public static CounterCluster start(Path work, int counters, String enrolmentCode, boolean durable) throws IOException, InterruptedException {
        Postgres pg = Postgres.start(freePort(), durable);
        int hz = freePort() + 0;
        CounterCluster c = new CounterCluster(repositoryRoot(), work, pg, counters, enrolmentCode, hz);
        Files.writeString(work.resolve("postgres.asadmin"), pg.postBootCommands());
        // the run's own copy of the WAR: an instance started again later must not read one a build is rewriting
        Files.copy(c.root.resolve("counter-server/target/ROOT.war"), work.resolve("ROOT.war"));
        Path micro = only(c.root.resolve("counter-server/target"), "payara-micro-*.jar");
        Files.copy(micro, work.resolve(micro.getFileName()));
        Files.createDirectories(work.resolve("shared"));
        return c;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path only(Path dir, String glob) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> dir.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + glob + " in " + dir + " (build first: mvn package)"));
        }
    }

    /** More system properties for every instance started from now on (e.g. {@code -Dcounter.bench.subscribers=40}). */
    public CounterCluster withJvmOptions(String... options) {
        extraJvm.addAll(List.of(options));
        return this;
    }

    /** Starts one more instance and waits until it serves pages. */
    public CounterInstance startInstance(String name) throws IOException, InterruptedException {
        CounterInstance i = launch(name);
        if (!i.awaitReady(Duration.ofMinutes(4))) {
            throw new IllegalStateException("instance " + name + " did not start; see " + i.log() + " and its threads: " + i.threadDump());
        }
        return i;
    }

    /**
     * Starts an instance without waiting for it: a name started before gets its old port back (a restart after a
     * crash, where the load balancer and the terminals still know it by its address), and a log of its own.
     */
    /**
     * Each instance's heap ceiling ({@code -Dbench.instance.heap}; 1 GB as before issue 32). Issue 32's goal is 512 MB:
     * with {@code -Dbench.instance.heap=512m} the busy network filled it and one instance ended in an OutOfMemoryError.
     * The heap after a full collection is printed by {@code bin/bench scale}.
     */
    public static final String HEAP = System.getProperty("bench.instance.heap", "1g");

    public synchronized CounterInstance launch(String name) throws IOException {
        Path target = root.resolve("counter-server/target");
        int port = ports.containsKey(name) ? ports.get(name) : freePort();
        ports.put(name, port);
        int n = starts.merge(name, 1, Integer::sum);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + HEAP, "-XX:+UseSerialGC", "-Dcounter.demo=true", "-Dcounter.ca.dir=" + work.resolve("shared/ca"),
                "-Dcounter.bench.counters=" + counters, "-Dcounter.bench.enrolment-code=" + enrolmentCode));
        jvm.addAll(postgres.migrateOptions());   // the owner role migrates; the servers run as the role that owns nothing
        jvm.addAll(extraJvm);
        List<String> micro = List.of(only(work, "payara-micro-*.jar").toString(), "--deploy", work.resolve("ROOT.war").toString(),
                "--addlibs", only(target.resolve("pg"), "postgresql-*.jar").toString(),
                "--postbootcommandfile", work.resolve("postgres.asadmin").toString(),
                "--clustermode", "tcpip:127.0.0.1:" + hazelcastPort, "--startport", Integer.toString(hazelcastPort),
                "--interfaces", "127.0.0.1", "--clustername", clusterName, "--nohostaware", "--hzinitialjoinwait", "0",
                "--disablephonehome");
        CounterInstance i = CounterInstance.start(name, port, jvm, micro, work.resolve(n == 1 ? name + ".log" : name + "-" + n + ".log"));
        instances.removeIf(old -> old.name().equals(name) && !old.alive());
        instances.add(i);
        return i;
    }

    /** The instance's address whether or not it runs now (what a load balancer is configured with). */
    public synchronized String urlOf(String name) {
        return "http://localhost:" + ports.get(name) + "/";
    }

    public synchronized String websocketOf(String name) {
        return "ws://localhost:" + ports.get(name) + "/terminal/ws";
    }

    public Postgres postgres() {
        return postgres;
    }

    public synchronized List<CounterInstance> instances() {
        return new ArrayList<>(instances);
    }

    /**
     * The {@code Authorization} header of a monitoring system: the operators' token the first instance made beside the
     * shared keys ({@code /metrics} and {@code /api/terminals} refuse callers without it, issue 31).
     */
    public String operatorAuthorization() {
        try {
            return "Bearer " + java.nio.file.Files.readString(work.resolve("shared/ca/operator.token")).trim();
        } catch (IOException e) {
            return "Bearer -";   // no instance has started yet: refused like any caller without the token
        }
    }

    public Path sharedDir() {
        return work.resolve("shared");
    }

    @Override
    public void close() {
        for (CounterInstance i : instances) {
            i.close();
        }
        postgres.close();
    }
}

package hk.post.ecert.bench.cluster;

import hk.post.ecert.bench.CounterApiWrite;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import hk.post.ecert.terminal.TerminalAgent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole counter network's load (issue 19): BENCH counters {@code from}..{@code to}, each with its terminal agent
 * (simulated devices, all in this process) dialled to one of the instances, and its clerk serving a customer on
 * average every {@code meanInterval} (exponential gaps, as walk-in customers arrive): look the subscriber up, take
 * the extension in cash, print the receipt. Each request's time is kept by kind, and while the load runs the
 * instances are sampled every five seconds for the jobs waiting and their memory (resident set and heap). Then the
 * audit: every payment confirmed is in the database once, every receipt job ended DONE, and no printer printed more
 * receipts than it was sent.
 */
public final class NetworkLoad implements AutoCloseable {

    /** The requests a clerk's screen makes, timed separately. */
    public enum Request { LOGIN, TILL, LOOKUP, PAY, RECEIPT }

    /** What one load measured. */
    public record Figures(int counters, double minutes, int sales, int errors, int resent, Map<Request, Long> p95Ms, Map<Request, Integer> count,
                          long receiptJobP95Ms, long jobsWaitingMax, long jobsWaitingEnd, Map<String, Long> rssMaxMb, Map<String, Long> heapMaxMb,
                          int lost, int doubled, int receiptsUnfinished, int receiptsNotPrinted, int printedTwice, List<String> problems) {
    }

    private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([0-9a-f]+)\"");
    private static final Pattern JOB = Pattern.compile("\"job\":\"([^\"]+)\"");
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    /**
     * The terminal agents' own log, held at WARNING while this JVM runs a network's agents: a counter PC keeps its one
     * agent's log of every job started and ended, but here 1,040 agents would write two lines a job to one console, each
     * under the console's lock (the load generator shares the two cores with what it measures). Held here so the level
     * stays set.
     */
    private static final Logger AGENTS_LOG = Logger.getLogger(TerminalAgent.class.getPackageName());

    private final CounterCluster cluster;
    private final String enrolmentCode;
    private final Path work;
    private final Map<Integer, TerminalAgent> terminals = new ConcurrentHashMap<>();
    private final Map<Integer, HttpClient> sessions = new ConcurrentHashMap<>();

    public NetworkLoad(CounterCluster cluster, String enrolmentCode, Path work) {
        this.cluster = cluster;
        this.enrolmentCode = enrolmentCode;
        this.work = work;
    }

    /** Starts the terminal agents of counters {@code from}..{@code to} and waits until all are online. */
    public double startTerminals(int from, int to) throws Exception {
        List<URI> servers = cluster.instances().stream().filter(CounterInstance::alive).map(i -> URI.create(i.websocket())).toList();
        AGENTS_LOG.setLevel(Level.WARNING);
        long t0 = System.nanoTime();
        for (int n = from; n <= to; n++) {
            terminals.put(n, FailoverRun.benchTerminal(n, servers, work, enrolmentCode));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int n = from; n <= to; n++) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (!terminals.get(n).awaitOnline(Duration.ofMillis(left))) {
                throw new IllegalStateException("terminal BEN-B" + n + " did not come online");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Runs clerks {@code from}..{@code to} for {@code length} or {@code maxPerClerk} customers each, whichever comes first,
     * each logging in at a random moment of {@code rampUp} and then serving a customer on average every
     * {@code meanInterval} ({@link Duration#ZERO}: back to back), on {@code workers} threads.
     */
    public Figures run(int from, int to, Duration length, Duration meanInterval, Duration rampUp, int maxPerClerk, int workers) throws Exception {
        Map<Request, ConcurrentLinkedQueue<Long>> times = new EnumMap<>(Request.class);
        for (Request r : Request.values()) {
            times.put(r, new ConcurrentLinkedQueue<>());
        }
        ConcurrentLinkedQueue<String[]> confirmed = new ConcurrentLinkedQueue<>();   // payment id, clerk number, receipt job
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        Instant started = Instant.now();
        long end = System.nanoTime() + length.toNanos();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(workers);
        Sampler sampler = new Sampler();
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
        sampling.scheduleAtFixedRate(sampler::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        CountDownLatch finished = new CountDownLatch(to - from + 1);
        for (int n = from; n <= to; n++) {
            Clerk clerk = new Clerk(n, times, confirmed, problems, errors, resent, end, meanInterval, maxPerClerk, pool, finished);
            // the counters open over the ramp-up, as a network's offices do in the morning, not in one instant (a login
            // is a deliberately slow password hash: 1,000 in the same second would be a load no morning brings)
            long startIn = ThreadLocalRandom.current().nextLong(rampUp.toMillis() + 1);
            pool.schedule(clerk::next, startIn, TimeUnit.MILLISECONDS);
        }
        finished.await();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        pool.shutdown();
        Audit audit = audit(new ArrayList<>(confirmed), from, to, started, problems);
        sampler.sample();
        sampling.shutdownNow();
        Map<Request, Long> p95 = new EnumMap<>(Request.class);
        Map<Request, Integer> count = new EnumMap<>(Request.class);
        times.forEach((r, q) -> {
            p95.put(r, percentile(new ArrayList<>(q), 95));
            count.put(r, q.size());
        });
        List<String> shown = new ArrayList<>(problems);
        return new Figures(to - from + 1, seconds / 60, confirmed.size(), errors.get(), resent.get(), p95, count, audit.receiptJobP95Ms,
                sampler.waitingMax, sampler.waitingLast, Map.copyOf(sampler.rssMaxMb), Map.copyOf(sampler.heapMaxMb),
                audit.lost, audit.doubled, audit.unfinished, audit.notPrinted, audit.printedTwice, shown.subList(0, Math.min(20, shown.size())));
    }

    /** One clerk: logs in and opens a till, then serves customers until the load ends. */
    private final class Clerk {
        private final int n;
        private final String user;
        private final Map<Request, ConcurrentLinkedQueue<Long>> times;
        private final ConcurrentLinkedQueue<String[]> confirmed;
        private final ConcurrentLinkedQueue<String> problems;
        private final AtomicInteger errors;
        private final AtomicInteger resent;
        private final long end;
        private final Duration meanInterval;
        private final int maxPerClerk;
        private final ScheduledExecutorService pool;
        private final CountDownLatch finished;
        private final String base;
        private int served;

        Clerk(int n, Map<Request, ConcurrentLinkedQueue<Long>> times, ConcurrentLinkedQueue<String[]> confirmed,
              ConcurrentLinkedQueue<String> problems, AtomicInteger errors, AtomicInteger resent, long end, Duration meanInterval, int maxPerClerk,
              ScheduledExecutorService pool, CountDownLatch finished) {
            this.n = n;
            this.user = CounterTraffic.clerk(n);
            this.times = times;
            this.confirmed = confirmed;
            this.problems = problems;
            this.errors = errors;
            this.resent = resent;
            this.end = end;
            this.meanInterval = meanInterval;
            this.maxPerClerk = maxPerClerk;
            this.pool = pool;
            this.finished = finished;
            List<CounterInstance> alive = cluster.instances().stream().filter(CounterInstance::alive).toList();
            this.base = alive.get((n + 1) % alive.size()).url();   // not the instance its terminal dials first
        }

        void next() {
            try {
                if (!sessions.containsKey(n)) {
                    long t0 = System.nanoTime();
                    sessions.put(n, BenchLogin.session(base, user));
                    times.get(Request.LOGIN).add((System.nanoTime() - t0) / 1_000_000);
                    send(Request.TILL, "api/counter/till?id=TILL-" + user.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 6)
                            + "&floatCents=100000");
                } else {
                    serveOne();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                problems.add(user + ": " + e.getMessage());
            }
            if (System.nanoTime() >= end || served >= maxPerClerk) {
                finished.countDown();
                return;
            }
            long gap = meanInterval.isZero() ? 0 : (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanInterval.toMillis());
            pool.schedule(this::next, Math.min(gap, Math.max(0, (end - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
        }

        private void serveOne() throws Exception {
            String srn = String.format("SRN-B-%03d%02d", n, ++served);
            Matcher m = SERIAL.matcher(send(Request.LOOKUP, "api/counter/subscribers?srn=" + srn + "&reason=" + BenchLogin.enc("renewal enquiry")));
            if (!m.find()) {
                throw new IOException("no certificate " + srn + " (more subscribers per counter are needed)");
            }
            String paymentId = "PAY-" + user.toUpperCase() + "-" + UUID.randomUUID();
            send(Request.PAY, "api/counter/extensions?paymentId=" + paymentId + "&serial=" + m.group(1) + "&years=1&cashCents=5000");
            Matcher jm = JOB.matcher(send(Request.RECEIPT, "api/counter/receipts?paymentId=" + paymentId));
            confirmed.add(new String[]{paymentId, Integer.toString(n), jm.find() ? jm.group(1) : null});
        }

        private String send(Request kind, String path) throws Exception {
            HttpRequest req = kind == Request.LOOKUP
                    ? HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build()
                    : CounterApiWrite.post(base, path, Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = sessions.get(n).send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the connection went away under the request (a kept-alive connection the server had just closed):
                // sent once more with the same ids, as the counter's screen does; the server answers a repeat with
                // the first outcome
                resent.incrementAndGet();
                problems.add(user + " " + kind + " sent again after: " + e);
                r = sessions.get(n).send(req, HttpResponse.BodyHandlers.ofString());
            }
            times.get(kind).add((System.nanoTime() - t0) / 1_000_000);
            if (r.statusCode() != 200 || r.body().contains("j_password")) {
                throw new IOException(kind + ": HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
            return r.body();
        }
    }

    /**
     * Each live instance's heap after a full collection (issue 32): {@code jcmd <pid> GC.run}, then the instance's own
     * {@code memory_usedHeap_bytes}, in MB. What the instance keeps, not the garbage it has not yet collected.
     */
    public Map<String, Long> heapAfterFullGcMb() throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        Sampler s = new Sampler();
        for (CounterInstance i : cluster.instances()) {
            if (!i.alive()) {
                continue;
            }
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(i.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            if (gc.waitFor() != 0) {
                throw new IOException("jcmd GC.run failed for " + i.name());
            }
            long heap = gauge(s.get(i.url() + "metrics?scope=base"), "memory_usedHeap_bytes");
            out.put(i.name(), heap >> 20);
        }
        return out;
    }

    /** Every five seconds: the jobs waiting (the counter's own gauge) and each instance's memory. */
    private final class Sampler {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        volatile long waitingMax;
        volatile long waitingLast;
        final Map<String, Long> rssMaxMb = new ConcurrentHashMap<>();
        final Map<String, Long> heapMaxMb = new ConcurrentHashMap<>();

        synchronized void sample() {
            for (CounterInstance i : cluster.instances()) {
                if (!i.alive()) {
                    continue;
                }
                try {
                    String app = get(i.url() + "metrics?scope=application");
                    long waiting = gauge(app, "counter_jobs_waiting");
                    if (waiting >= 0) {
                        waitingLast = waiting;
                        waitingMax = Math.max(waitingMax, waiting);
                    }
                    long heap = gauge(get(i.url() + "metrics?scope=base"), "memory_usedHeap_bytes");
                    if (heap >= 0) {
                        heapMaxMb.merge(i.name(), heap >> 20, Math::max);
                    }
                    rssMaxMb.merge(i.name(), residentKb(i.pid()) >> 10, Math::max);
                } catch (Exception e) {
                    // an instance busy past the timeout: the next sample
                }
            }
        }

        private String get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", cluster.operatorAuthorization()).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** A gauge's value from Prometheus text (the first line of that name, with or without tags); -1 when absent. */
    static long gauge(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                String v = line.substring(line.lastIndexOf(' ') + 1).trim();
                return (long) Double.parseDouble(v);
            }
        }
        return -1;
    }

    private static long residentKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private record Audit(int lost, int doubled, int unfinished, int notPrinted, int printedTwice, long receiptJobP95Ms) {
    }

    private Audit audit(List<String[]> confirmed, int from, int to, Instant started, ConcurrentLinkedQueue<String> problems)
            throws SQLException, InterruptedException {
        int lost = 0;
        int doubled = 0;
        int unfinished = 0;
        int notPrinted = 0;
        try (Connection c = cluster.postgres().connect()) {
            List<String> found = new ArrayList<>();
            for (String[] p : confirmed) {
                PaidExtension e = PaidExtension.of(c, p[0]);
                lost += e.lost() ? 1 : 0;
                doubled += e.doubled() ? 1 : 0;
                e.describe(found);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            for (String[] p : confirmed) {
                String status;
                while (List.of("PENDING", "SENT", "MISSING").contains(status = PaidExtension.jobStatus(c, p[2]))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                if (List.of("PENDING", "SENT", "MISSING").contains(status)) {
                    unfinished++;   // no outcome known
                    found.add("receipt job " + p[2] + " is still " + status);
                } else if (!"DONE".equals(status)) {
                    notPrinted++;   // the terminal's known outcome: the clerk prints a COPY
                    found.add("receipt job " + p[2] + " ended " + status + " (" + reason(c, p[2]) + ")");
                }
            }
            problems.addAll(found);
            int printedTwice = 0;
            for (int n = from; n <= to; n++) {
                String clerk = Integer.toString(n);
                long sent = confirmed.stream().filter(p -> p[1].equals(clerk)).count();
                int printed = terminals.get(n).devices().virtualPrinter().map(VirtualPrinter::receipts).map(List::size).orElse(0);
                if (printed > sent) {
                    printedTwice += printed - sent;
                    problems.add(CounterTraffic.clerk(n) + "'s printer printed " + printed + " receipts for " + sent + " jobs");
                }
            }
            return new Audit(lost, doubled, unfinished, notPrinted, printedTwice, receiptJobP95(c, started));
        }
    }

    private static String reason(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT reason, detail FROM device_job WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) + ": " + rs.getString(2) : "?";
            }
        }
    }

    /** From a receipt job's record to its outcome, for the jobs of this load (the p95 in ms). */
    private static long receiptJobP95(Connection c, Instant since) throws SQLException {
        List<Long> ms = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT created_at, completed_at FROM device_job WHERE kind = 'PRINT_RECEIPT'"
                + " AND created_at >= ? AND completed_at IS NOT NULL")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ms.add(Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toMillis());
                }
            }
        }
        return percentile(ms, 95);
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Terminals of the load that are not online now (after it, all should be). */
    public long offline() {
        return terminals.values().stream().filter(t -> !t.isOnline()).count();
    }

    @Override
    public void close() {
        terminals.values().parallelStream().forEach(TerminalAgent::close);
    }
}

package hk.post.ecert.bench.cluster;

import hk.post.ecert.devices.printer.simulated.VirtualPrinter;
import hk.post.ecert.journal.JournalVerifier;
import hk.post.ecert.terminal.CounterDevices;
import hk.post.ecert.terminal.TerminalAgent;
import hk.post.ecert.terminal.TerminalConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counter traffic against the cluster with real terminal agents (virtual printers), optionally killing one instance
 * with SIGKILL part-way through; then an audit against the database: every payment the clerks were told was taken
 * is there exactly once, each receipt job has exactly one outcome and printed once, and the journal verifies.
 */
public final class FailoverRun implements AutoCloseable {

    /** What a run measured and found. */
    public record Figures(int payments, double seconds, double paymentsPerSecond, double failoverSeconds, int lost, int doubled,
                          int jobsWithoutOneOutcome, int unknownOutcomes, int printedTwice, int unconfirmed, boolean journalIntact, long journalEntries,
                          int failovers, int clerksWhoMoved, List<String> problems) {
        @Override
        public String toString() {
            return String.format("%d payments in %.1f s (%.2f/s), failover %.2f s, lost %d, doubled %d, jobs without one outcome %d"
                            + " (UNKNOWN outcomes %d), printed twice %d, unconfirmed %d, journal %s (%d entries), client failovers %d, clerks who logged in again elsewhere %d%s",
                    payments, seconds, paymentsPerSecond, failoverSeconds, lost, doubled, jobsWithoutOneOutcome, unknownOutcomes, printedTwice,
                    unconfirmed, journalIntact ? "intact" : "NOT INTACT", journalEntries, failovers, clerksWhoMoved,
                    problems.isEmpty() ? "" : "; problems: " + String.join(" | ", problems.subList(0, Math.min(5, problems.size()))));
        }
    }

    private final CounterCluster cluster;
    private final String enrolmentCode;
    private final Path work;
    private final Map<Integer, TerminalAgent> terminals = new HashMap<>();

    public FailoverRun(CounterCluster cluster, String enrolmentCode, Path work) {
        this.cluster = cluster;
        this.enrolmentCode = enrolmentCode;
        this.work = work;
    }

    /** Real terminal agents for BENCH counters {@code from}..{@code to}, alternating which instance they dial first. */
    public void startTerminals(int from, int to) throws Exception {
        List<URI> servers = cluster.instances().stream().filter(CounterInstance::alive).map(i -> URI.create(i.websocket())).toList();
        for (int n = from; n <= to; n++) {
            terminals.put(n, benchTerminal(n, servers, work, enrolmentCode));
        }
        for (TerminalAgent a : terminals.values()) {
            if (!a.awaitOnline(Duration.ofSeconds(60))) {
                throw new IllegalStateException("a terminal did not come online");
            }
        }
    }

    /**
     * Runs clerks {@code from}..{@code to} ({@code perClerk} payments each); with {@code victim}, SIGKILLs it once
     * {@code killAfter} payments are done and measures how long its terminals take to be back online.
     */
    public Figures run(int from, int to, int perClerk, Optional<CounterInstance> victim, int killAfter) throws Exception {
        List<CounterInstance> all = cluster.instances();
        CounterTraffic traffic = new CounterTraffic(() -> all.stream().filter(CounterInstance::alive).map(CounterInstance::url).toList());
        List<Double> failover = new CopyOnWriteArrayList<>();
        Thread killer = null;
        if (victim.isPresent()) {
            killer = new Thread(() -> {
                try {
                    while (traffic.progress() < killAfter) {
                        Thread.sleep(20);
                    }
                    String dead = URI.create(victim.get().websocket()).getPort() + "";
                    List<TerminalAgent> orphans = terminals.values().stream()
                            .filter(a -> a.connectedTo().map(u -> Integer.toString(u.getPort()).equals(dead)).orElse(false)).toList();
                    long t0 = System.nanoTime();
                    victim.get().kill();
                    // back online: connected again, to another instance
                    while (orphans.stream().anyMatch(a -> a.connectedTo().map(u -> Integer.toString(u.getPort()).equals(dead)).orElse(true))) {
                        Thread.sleep(20);
                    }
                    failover.add((System.nanoTime() - t0) / 1e9);
                    System.out.printf("killed %s (pid %d) after %d payments; its %d terminal(s) back online in %.2f s%n",
                            victim.get().name(), victim.get().pid(), traffic.progress(), orphans.size(), failover.get(0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "killer");
            killer.start();
        }
        double seconds = traffic.run(from, to, perClerk);
        if (killer != null) {
            killer.join(120_000);
        }
        List<CounterTraffic.Payment> confirmed = traffic.confirmed();
        List<String> problems = new ArrayList<>(traffic.errors());
        try (Connection c = cluster.postgres().connect()) {
            int lost = 0;
            int doubled = 0;
            for (CounterTraffic.Payment p : confirmed) {
                PaidExtension found = PaidExtension.of(c, p.paymentId());
                lost += found.lost() ? 1 : 0;
                doubled += found.doubled() ? 1 : 0;
                found.describe(problems);
            }
            // a subscriber extended more often than the clerks paid for it is a doubled charge too
            Map<String, Integer> paidFor = new HashMap<>();
            confirmed.forEach(p -> paidFor.merge(p.serial(), 1, Integer::sum));
            for (Map.Entry<String, Integer> e : paidFor.entrySet()) {
                int ext = count(c, "SELECT count(*) FROM subscription_extension WHERE serial_hex = ?", e.getKey());
                if (ext > e.getValue()) {
                    doubled++;
                    problems.add("subscriber " + e.getKey() + " extended " + ext + " times for " + e.getValue() + " payment(s)");
                }
            }
            // each receipt job ends with exactly one outcome (the job table holds one status per id), and prints once
            int notOne = 0;
            int unknown = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            for (CounterTraffic.Payment p : confirmed) {
                String status;
                while (!finished(status = status(c, p.receiptJob())) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                if (!finished(status)) {
                    notOne++;
                    problems.add("receipt job " + p.receiptJob() + " is " + status);
                } else if (!"DONE".equals(status)) {
                    unknown++;
                    problems.add("receipt job " + p.receiptJob() + " ended " + status);
                }
            }
            int printedTwice = 0;
            for (Map.Entry<Integer, TerminalAgent> t : terminals.entrySet()) {
                String clerk = CounterTraffic.clerk(t.getKey());
                long jobs = confirmed.stream().filter(p -> p.clerk().equals(clerk)).count();
                int printed = t.getValue().devices().virtualPrinter().map(VirtualPrinter::receipts).map(List::size).orElse(0);
                int expected = (int) jobs + printedBefore.getOrDefault(t.getKey(), 0);
                if (printed > expected) {
                    printedTwice += printed - expected;
                    problems.add(clerk + "'s printer printed " + printed + " receipts for " + expected + " jobs");
                }
                printedBefore.put(t.getKey(), printed);
            }
            JournalVerifier.Report report = JournalVerifier.verify(c, null);
            report.findings().forEach(f -> problems.add("journal: " + f));
            int unconfirmedLost = traffic.unconfirmed().size();
            return new Figures(confirmed.size(), seconds, confirmed.size() / seconds, failover.isEmpty() ? 0 : failover.get(0), lost,
                    doubled, notOne, unknown, printedTwice, unconfirmedLost, report.intact(), report.entries(), traffic.failovers(), traffic.clerksWhoMoved().size(), problems);
        }
    }

    private final Map<Integer, Integer> printedBefore = new HashMap<>();

    /**
     * BENCH counter {@code n}'s terminal agent (a virtual printer), started: it enrols with {@code <code>-<nnn>} and
     * dials the instances in turn, starting at a different one for each counter so that the counters spread.
     */
    static TerminalAgent benchTerminal(int n, List<URI> servers, Path work, String enrolmentCode) throws Exception {
        List<URI> order = new ArrayList<>(servers);
        java.util.Collections.rotate(order, n % order.size());
        Path dir = Files.createDirectories(work.resolve("terminal-" + n));
        TerminalConfig config = new TerminalConfig(String.format("BEN-B%03d", n), order, dir,
                enrolmentCode + "-" + String.format("%03d", n), "virtual", "hk-big5-80", "", 9600, dir.resolve("medium"));
        return new TerminalAgent(config, CounterDevices.from(config)).start();
    }

    private static int count(Connection c, String sql, String arg) throws SQLException {
        return PaidExtension.count(c, sql, arg);
    }

    private static boolean finished(String status) {
        return !"PENDING".equals(status) && !"SENT".equals(status) && !"MISSING".equals(status);
    }

    private static String status(Connection c, String jobId) throws SQLException {
        return PaidExtension.jobStatus(c, jobId);
    }

    @Override
    public void close() {
        terminals.values().forEach(TerminalAgent::close);
    }
}

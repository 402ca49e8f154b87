package hk.post.ecert.bench.chaos;

import hk.post.ecert.devices.scanner.sane.PrivateSaned;
import hk.post.ecert.bench.cluster.CounterCluster;
import hk.post.ecert.bench.cluster.CounterInstance;
import hk.post.ecert.devices.printer.escpos.PrinterProfile;
import hk.post.ecert.devices.printer.simulated.SocatPair;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/bench chaos}: counter traffic on PostgreSQL and two clustered instances across four (or more) counters
 * whose terminal agents run as their own processes with serial receipt printers on socat pty pairs, scanners on saned
 * and the customers' SoftHSM2 tokens in their readers, while a driver
 * SIGKILLs server instances and terminal agents at random moments, pulls and restores the printers' serial lines and
 * restarts PostgreSQL once; then {@link ChaosAudit} counts what was lost, doubled, printed twice without COPY, left on a
 * token by no verified write or left without a known outcome, and verifies the journal.
 */
public final class ChaosRun {

    /** PDFBox names every standard font it substitutes when the bench renders a case's form: not the bench's news. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    public static void main(String[] args) throws Exception {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
        int counters = Integer.getInteger("chaos.counters", 4);
        int serverKills = Integer.getInteger("chaos.server-kills", 20);
        int terminalKills = Integer.getInteger("chaos.terminal-kills", 20);
        int lineCuts = Integer.getInteger("chaos.line-cuts", 6);
        int subscribers = Integer.getInteger("chaos.subscribers", 1500);   // each can be extended once before its expiry
        int renewalsPerCounter = Integer.getInteger("chaos.renewals", 8);   // customers due for renewal onto their token
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        Random random = new Random(seed);
        Path work = Files.createTempDirectory("ecert-chaos-");
        Path jar = CounterCluster.repositoryRoot().resolve("terminal/target/terminal-0.1.0-SNAPSHOT.jar");
        System.out.printf("chaos: %d counters, %d server kills, %d terminal kills, %d line cuts, one database restart (seed %d, work %s)%n",
                counters, serverKills, terminalKills, lineCuts, seed, work);

        List<SocatPair> lines = new ArrayList<>();
        List<VirtualPrinter> printers = new ArrayList<>();
        List<TerminalProcess> terminals = new ArrayList<>();
        List<ChaosRenewals.Counter> desks = new ArrayList<>();
        Queue<ChaosRenewals.Renewal> renewals = new ConcurrentLinkedQueue<>();
        try (PrivateSaned saned = new PrivateSaned(
                Files.createDirectories(work.resolve("saned")));
             CounterCluster cluster = CounterCluster.start(work, counters, "CHAOS", true)
                .withJvmOptions("-Dcounter.bench.subscribers=" + subscribers, "-Dcounter.bench.renewals=" + renewalsPerCounter)) {
            String[] names = {"counter-a", "counter-b"};
            cluster.startInstance(names[0]);
            cluster.startInstance(names[1]);
            List<String> urls = List.of(cluster.urlOf(names[0]), cluster.urlOf(names[1]));
            for (int n = 1; n <= counters; n++) {
                Path dir = Files.createDirectories(work.resolve("counter-" + n));
                SocatPair line = new SocatPair(dir);
                VirtualPrinter printer = new VirtualPrinter(PrinterProfile.byId("hk-big5-80"));
                line.serve(printer);
                lines.add(line);
                printers.add(printer);
                List<String> ws = new ArrayList<>(List.of(cluster.websocketOf(names[0]), cluster.websocketOf(names[1])));
                java.util.Collections.rotate(ws, n);
                CustomerTokens tokens = new CustomerTokens(Files.createDirectories(dir.resolve("softhsm")));
                Path glass = dir.resolve("glass.pgm");
                ChaosRenewals.blankPage(glass);
                desks.add(new ChaosRenewals.Counter(n, tokens, glass, renewalsPerCounter, renewals));
                TerminalProcess t = new TerminalProcess(String.format("BEN-B%03d", n), dir, jar, ws,
                        String.format("CHAOS-%03d", n), line.driverEnd, "127.0.0.1:" + saned.port, glass, tokens.conf());
                t.start();
                terminals.add(t);
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitOnline(terminals, http, urls, cluster.operatorAuthorization(), Duration.ofMinutes(3));

            AtomicBoolean stop = new AtomicBoolean();
            Queue<ChaosClerk.Sale> sales = new ConcurrentLinkedQueue<>();
            Queue<String> unconfirmed = new ConcurrentLinkedQueue<>();
            Queue<String> errors = new ConcurrentLinkedQueue<>();
            Queue<ChaosClerk.Scan> scans = new ConcurrentLinkedQueue<>();
            List<ChaosClerk> clerks = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(counters);
            for (int n = 1; n <= counters; n++) {
                ChaosClerk c = new ChaosClerk(n, subscribers, () -> urls, stop, sales, unconfirmed, errors, scans, desks.get(n - 1));
                clerks.add(c);
                pool.submit(c);
            }

            Faults faults = new Faults(cluster, names, terminals, lines, printers, random);
            long t0 = System.nanoTime();
            faults.campaign(serverKills, terminalKills, lineCuts);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - t0) / 1e9;
            // every terminal and line back before the audit (a counter the next morning)
            faults.restoreAll();
            awaitOnline(terminals, http, urls, cluster.operatorAuthorization(), Duration.ofMinutes(3));

            ChaosAudit audit = new ChaosAudit(cluster.postgres(), printers,
                    clerks.stream().collect(java.util.stream.Collectors.toMap(ChaosClerk::user, c -> c)));
            ChaosAudit.Findings f = audit.run(new ArrayList<>(sales), new ArrayList<>(unconfirmed), new ArrayList<>(scans),
                    new ArrayList<>(renewals), desks.stream().collect(java.util.stream.Collectors.toMap(ChaosRenewals.Counter::n,
                            ChaosRenewals.Counter::tokens)));
            System.out.printf("chaos: %d sales (%d voided) in %.0f s; %d unconfirmed to the clerk; %d client failovers; terminal starts %s%n",
                    sales.size(), sales.stream().filter(s -> s.voidId() != null).count(), seconds, unconfirmed.size(),
                    clerks.stream().mapToInt(ChaosClerk::failovers).sum(), terminals.stream().map(TerminalProcess::starts).toList());
            errors.stream().limit(20).forEach(e -> System.out.println("clerk error: " + e));
            f.problems().stream().limit(30).forEach(p -> System.out.println("audit: " + p));
            System.out.printf("RESULT chaos kills=%d lost=%d doubled=%d uncopied_reprints=%d orphans=%d unknown_jobs=%d journal_ok=%d%n",
                    faults.serverKills() + faults.terminalKills(), f.lost(), f.doubled(), f.uncopiedReprints(), f.orphans(),
                    f.unknownJobs(), f.journalOk() ? 1 : 0);
            System.out.printf("RESULT chaos server_kills=%d terminal_kills=%d line_cuts=%d db_restarts=%d sales=%d voids=%d receipts_printed=%d"
                            + " unknown_prints_copied=%d token_writes=%d scans=%d scans_repeated=%d pages=%d clerk_errors=%d%n",
                    faults.serverKills(), faults.terminalKills(), faults.lineCuts(), faults.dbRestarts(), sales.size(),
                    sales.stream().filter(s -> s.voidId() != null).count(), f.receiptsPrinted(), f.unknownPrintsCopied(),
                    f.tokens().tokenWrites(), scans.size(), f.scansRepeated(), f.pages(), errors.size());
            System.out.printf("RESULT chaos renewals=%d renewals_completed=%d renewals_unfinished=%d token_attempts=%d orphan_objects=%d"
                            + " half_written=%d%n", renewals.size(), f.tokens().completed(), f.tokens().unfinished(), f.tokens().attempts(),
                    f.tokens().orphans(), f.tokens().halfWritten());
        } finally {
            terminals.forEach(TerminalProcess::close);
            for (SocatPair l : lines) {
                l.close();
            }
        }
    }

    static void awaitOnline(List<TerminalProcess> terminals, HttpClient http, List<String> urls, String operatorAuthorization,
                            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (TerminalProcess t : terminals) {
            while (urls.stream().noneMatch(u -> t.online(http, u, operatorAuthorization))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("terminal " + t.id() + " is not online; see " + t.log());
                }
                Thread.sleep(200);
            }
        }
    }

    /** Which instances are up, for the faults and the clerks. */
    static List<CounterInstance> alive(CounterCluster cluster) {
        return cluster.instances().stream().filter(CounterInstance::alive).toList();
    }
}

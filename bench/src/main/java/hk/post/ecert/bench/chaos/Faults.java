package hk.post.ecert.bench.chaos;

import hk.post.ecert.bench.cluster.CounterCluster;
import hk.post.ecert.bench.cluster.CounterInstance;
import hk.post.ecert.devices.printer.simulated.SocatPair;
import hk.post.ecert.devices.printer.simulated.VirtualPrinter;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault driver: SIGKILLs a server instance at a random moment (only while the other serves, as a counter network
 * keeps one up) and starts it again; meanwhile SIGKILLs terminal agents and starts them again, pulls a printer's serial
 * line (the socat pair killed) and plugs it back in (a new pair behind the same links); restarts PostgreSQL once,
 * half-way through.
 */
final class Faults {

    private final CounterCluster cluster;
    private final String[] names;
    private final List<TerminalProcess> terminals;
    private final List<SocatPair> lines;
    private final List<VirtualPrinter> printers;
    private final Random random;
    private final AtomicInteger serverKills = new AtomicInteger();
    private final AtomicInteger terminalKills = new AtomicInteger();
    private final AtomicInteger lineCuts = new AtomicInteger();
    private final AtomicInteger dbRestarts = new AtomicInteger();
    private final boolean[] cut;

    Faults(CounterCluster cluster, String[] names, List<TerminalProcess> terminals, List<SocatPair> lines,
           List<VirtualPrinter> printers, Random random) {
        this.cluster = cluster;
        this.names = names;
        this.terminals = terminals;
        this.lines = lines;
        this.printers = printers;
        this.random = random;
        this.cut = new boolean[lines.size()];
    }

    int serverKills() {
        return serverKills.get();
    }

    int terminalKills() {
        return terminalKills.get();
    }

    int lineCuts() {
        return lineCuts.get();
    }

    int dbRestarts() {
        return dbRestarts.get();
    }

    void campaign(int serverTarget, int terminalTarget, int cutTarget) throws Exception {
        AtomicBoolean serversDone = new AtomicBoolean(serverTarget == 0);
        Thread counterFaults = new Thread(() -> {
            try {
                while (terminalKills.get() < terminalTarget || lineCuts.get() < cutTarget) {
                    Thread.sleep(serversDone.get() ? 2000 + random.nextInt(3000) : 5000 + random.nextInt(20000));
                    boolean cutNow = lineCuts.get() < cutTarget && (terminalKills.get() >= terminalTarget || random.nextInt(4) == 0);
                    if (cutNow) {
                        cutLine(random.nextInt(lines.size()));
                    } else if (terminalKills.get() < terminalTarget) {
                        killTerminal(random.nextInt(terminals.size()));
                    }
                }
            } catch (Exception e) {
                System.out.println("counter faults stopped: " + e);
            }
        }, "counter-faults");
        counterFaults.start();
        for (int k = 0; k < serverTarget; k++) {
            if (k == serverTarget / 2) {
                Thread.sleep(2000 + random.nextInt(5000));
                double away = cluster.postgres().restart();
                dbRestarts.incrementAndGet();
                System.out.printf("fault: PostgreSQL stopped immediately and started again (%.1f s away)%n", away);
            }
            Thread.sleep(1000 + random.nextInt(8000));
            String name = names[random.nextInt(names.length)];
            CounterInstance victim = cluster.instances().stream().filter(i -> i.name().equals(name) && i.alive()).findFirst().orElseThrow();
            victim.kill();
            serverKills.incrementAndGet();
            long t0 = System.nanoTime();
            CounterInstance again = cluster.launch(name);
            if (!again.awaitReady(Duration.ofMinutes(5))) {
                // an operator starts it once more; a second failure ends the run
                System.out.printf("fault: server %s did not come back (see %s); starting it again%n", name, again.log());
                again.kill();
                again = cluster.launch(name);
                if (!again.awaitReady(Duration.ofMinutes(5))) {
                    throw new IllegalStateException(name + " did not come back; see " + again.log());
                }
            }
            System.out.printf("fault: server %s SIGKILLed (%d of %d), serving again in %.0f s%n", name, serverKills.get(), serverTarget,
                    (System.nanoTime() - t0) / 1e9);
        }
        serversDone.set(true);
        counterFaults.join();
    }

    private void killTerminal(int i) throws Exception {
        TerminalProcess t = terminals.get(i);
        long pid = t.pid();
        t.kill();
        terminalKills.incrementAndGet();
        Thread.sleep(300 + random.nextInt(2500));
        t.start();
        System.out.printf("fault: terminal %s (pid %d) SIGKILLed (%d) and started again%n", t.id(), pid, terminalKills.get());
    }

    private void cutLine(int i) throws Exception {
        synchronized (lines) {
            lines.get(i).kill();
            cut[i] = true;
        }
        lineCuts.incrementAndGet();
        Thread.sleep(1000 + random.nextInt(5000));
        restoreLine(i);
        System.out.printf("fault: printer line of counter %d pulled (%d) and plugged back in%n", i + 1, lineCuts.get());
    }

    private void restoreLine(int i) throws Exception {
        synchronized (lines) {
            if (!cut[i]) {
                return;
            }
            SocatPair again = new SocatPair(lines.get(i).driverEnd.getParent());
            again.serve(printers.get(i));
            lines.set(i, again);
            cut[i] = false;
        }
    }

    /** Every terminal running and every line plugged in. */
    void restoreAll() throws Exception {
        for (int i = 0; i < lines.size(); i++) {
            restoreLine(i);
        }
        for (TerminalProcess t : terminals) {
            if (!t.alive()) {
                t.start();
            }
        }
    }
}

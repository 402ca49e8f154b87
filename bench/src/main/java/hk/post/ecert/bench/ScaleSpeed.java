package hk.post.ecert.bench;

import hk.post.ecert.bench.cluster.CounterCluster;
import hk.post.ecert.bench.cluster.CounterInstance;
import hk.post.ecert.bench.cluster.FailoverRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code bin/bench scale}: the counter flow (log in, look up, pay a subscription extension in cash, print the receipt on
 * a real terminal agent) against one instance on PostgreSQL, then against two clustered instances, then with one of
 * them killed (SIGKILL) part-way through. Prints throughput of two ÷ one, the seconds until the killed instance's
 * terminals are online again, and payments lost or doubled (and device jobs doubled) from the database audit.
 */
public final class ScaleSpeed {

    public static void main(String[] args) throws Exception {
        int clerks = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int perClerk = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = Files.createTempDirectory("ecert-scale-");
        String code = "SCALE";
        try (CounterCluster cluster = CounterCluster.start(work, clerks * 3, code)) {
            CounterInstance a = cluster.startInstance("counter-a");
            try (FailoverRun run = new FailoverRun(cluster, code, work)) {
                run.startTerminals(1, clerks);
                FailoverRun.Figures one = run.run(1, clerks, perClerk, Optional.empty(), 0);
                System.out.println("one instance: " + one);

                CounterInstance b = cluster.startInstance("counter-b");
                try (FailoverRun run2 = new FailoverRun(cluster, code, work.resolve("two"))) {
                    run2.startTerminals(clerks + 1, 3 * clerks);
                    FailoverRun.Figures two = run2.run(clerks + 1, 2 * clerks, perClerk, Optional.empty(), 0);
                    System.out.println("two instances: " + two);
                    FailoverRun.Figures killed = run2.run(2 * clerks + 1, 3 * clerks, perClerk, Optional.of(a), clerks * perClerk / 3);
                    System.out.println("two instances, one killed: " + killed);
                    int lost = one.lost() + two.lost() + killed.lost();
                    int doubled = one.doubled() + two.doubled() + killed.doubled() + one.printedTwice() + two.printedTwice()
                            + killed.printedTwice();
                    System.out.printf("RESULT scale throughput_ratio_2v1=%.2f failover_s=%.2f lost=%d doubled=%d%n",
                            two.paymentsPerSecond() / one.paymentsPerSecond(), killed.failoverSeconds(), lost, doubled);
                    System.out.printf("RESULT scale payments_per_s_1=%.2f payments_per_s_2=%.2f jobs_without_one_outcome=%d journal_intact=%s%n",
                            one.paymentsPerSecond(), two.paymentsPerSecond(),
                            one.jobsWithoutOneOutcome() + two.jobsWithoutOneOutcome() + killed.jobsWithoutOneOutcome(),
                            one.journalIntact() && two.journalIntact() && killed.journalIntact());
                    if (b.alive()) {
                        b.close();
                    }
                }
            }
        }
    }
}

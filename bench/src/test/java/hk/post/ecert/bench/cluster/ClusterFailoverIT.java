package hk.post.ecert.bench.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production shape under failure: PostgreSQL (a private cluster from Debian's package), two Payara Micro instances
 * of the built counter-server WAR clustered on loopback, and four real terminal agents. Clerks use one instance while
 * their terminals are connected to the other, so every receipt job crosses instances through the outbox. Part-way
 * through, one instance is killed with SIGKILL. Then: no payment lost or doubled, every receipt job with exactly one
 * outcome and printed once, each clerk still on the till they opened, and the journal verifies.
 */
class ClusterFailoverIT {

    @Test
    void killingAnInstanceUnderCounterTrafficLosesNothingAndDoublesNothing() throws Exception {
        assertTrue(Postgres.bin().isPresent(), "PostgreSQL is needed (bin/test installs postgresql)");
        Path work = Files.createTempDirectory("ecert-cluster-it-");
        String code = "CLUSTER-IT";
        int clerks = 4;
        int perClerk = 10;
        try (CounterCluster cluster = CounterCluster.start(work, clerks, code)) {
            CounterInstance a = cluster.startInstance("counter-a");
            cluster.startInstance("counter-b");
            try (FailoverRun run = new FailoverRun(cluster, code, work)) {
                run.startTerminals(1, clerks);
                FailoverRun.Figures f = run.run(1, clerks, perClerk, Optional.of(a), clerks * perClerk / 3);
                System.out.println("cluster failover: " + f);

                assertTrue(!a.alive(), "the instance was killed");
                assertEquals(clerks * perClerk, f.payments() + f.unconfirmed(), "every payment was attempted: " + f);
                assertEquals(0, f.unconfirmed(), "every payment was confirmed to its clerk (after failover): " + f);
                assertEquals(0, f.lost(), "no confirmed payment is missing: " + f);
                assertEquals(0, f.doubled(), "no payment or extension is doubled: " + f);
                assertEquals(0, f.jobsWithoutOneOutcome(), "every receipt job has one outcome: " + f);
                assertEquals(0, f.printedTwice(), "no receipt printed twice: " + f);
                assertTrue(f.journalIntact(), "the journal verifies: " + f);
                assertTrue(f.failoverSeconds() > 0, "the killed instance's terminals came back online on the other: " + f);
                assertTrue(f.clerksWhoMoved() > 0, "clerks on the killed instance logged in again on the other: " + f);
                try (Connection c = cluster.postgres().connect()) {
                    for (int i = 1; i <= clerks; i++) {
                        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM till_session WHERE clerk = ?")) {
                            s.setString(1, CounterTraffic.clerk(i));
                            try (ResultSet rs = s.executeQuery()) {
                                rs.next();
                                assertEquals(1, rs.getInt(1), CounterTraffic.clerk(i) + " kept the till they opened");
                            }
                        }
                    }
                }
            }
        }
    }
}

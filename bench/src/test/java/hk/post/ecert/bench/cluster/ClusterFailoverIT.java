package hk.post.ecert.bench.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
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
            // the test servers' JVM flags (issue 32: with C1 alone a demo start took 44–56 s of CPU, against 59–67 s with
            // both compilers); what is tested here is the cluster's failover, not the JIT
            cluster.withJvmOptions(Arrays.stream(System.getProperty("counter.it.serverJvm", "").trim().split("\\s+"))
                    .filter(w -> !w.isEmpty()).toArray(String[]::new));
            CounterInstance a = cluster.startInstance("counter-a");
            CounterInstance b = cluster.startInstance("counter-b");
            try (FailoverRun run = new FailoverRun(cluster, code, work)) {
                run.startTerminals(1, clerks);
                // each instance sees every terminal online, half of them connected to the other instance
                for (CounterInstance i : java.util.List.of(a, b)) {
                    String json = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(i.url() + "api/terminals")).header("Authorization", cluster.operatorAuthorization()).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    java.util.Map<String, Object> status = new java.util.HashMap<>();
                    for (Object o : (java.util.List<?>) hk.post.ecert.devices.wire.Json.read(json)) {
                        java.util.Map<?, ?> t = (java.util.Map<?, ?>) o;
                        status.put((String) t.get("id"), t.get("status"));
                    }
                    for (int n = 1; n <= clerks; n++) {
                        String id = String.format("BEN-B%03d", n);
                        assertEquals("online", status.get(id), id + " as seen from " + i.name() + ": " + json);
                    }
                }
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
                    // the journal is append-only in PostgreSQL too
                    for (String tamper : java.util.List.of("UPDATE journal_entry SET amount_cents = 0",
                            "DELETE FROM journal_entry", "TRUNCATE journal_entry")) {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.executeUpdate(tamper);
                            org.junit.jupiter.api.Assertions.fail("PostgreSQL accepted: " + tamper);
                        } catch (java.sql.SQLException refused) {
                            assertTrue(refused.getMessage().toLowerCase().contains("append-only") || refused.getMessage().toLowerCase().contains("journal"),
                                    tamper + " refused: " + refused.getMessage());
                        }
                    }
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

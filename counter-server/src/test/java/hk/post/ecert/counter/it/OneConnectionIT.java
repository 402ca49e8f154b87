package hk.post.ecert.counter.it;

import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.terminal.TerminalAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 32: a transaction holds one database connection, never two. With two, a busy hour stalls: every connection
 * of the pool is held by a request waiting for its second, and nothing moves until the pool's wait runs out (thread
 * dumps of {@code bin/bench scale} showed 64 of 64 so held). Here the server's pool is cut to <em>one</em> connection
 * once it has started, and a member of staff logs in, opens a till, looks a subscriber up, quotes, takes the money and
 * has the receipt made at the demo terminal, which enrolled and reported its devices first: each answers, and the server never
 * waited for a connection (no RAR5117 in its log).
 */
@ExtendWith(CounterServer.class)
@CounterServer.OwnServer(poolConnections = 1)   // its pool of one connection would make the others wait
@Order(8)   // when it starts in a parallel run (issue 32): see CounterServer
class OneConnectionIT {

    private static final Pattern SERIAL = Pattern.compile("\"serial\":\"([0-9a-f]+)\"");

    URL base;

    private static TerminalAgent terminal;

    @AfterAll
    static void stop() {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void aClerksSaleAndATerminalsReportsEachTakeOneConnection() throws Exception {
        Path log = Path.of("target", "counter-server-OneConnectionIT.log");
        assertTrue(Files.readString(log).contains("jdbc-connection-pool." + CounterServer.POOL + ".max-pool-size=1"),
                "the server's pool was cut to one connection");

        // the counter's terminal enrols and reports its devices (its receipt printer prints the receipt below)
        terminal = Terminals.demoTerminal(base);
        Terminals.awaitDevicesReported(base, Terminals.DEMO_TERMINAL, "RECEIPT_PRINTER", "SCANNER");

        StaffHttp clerk = new StaffHttp(base);
        assertFalse(clerk.login("clerk1", "Clerk#2026").contains("login"), "clerk1 logs in");
        assertOk(clerk.postJson("api/counter/till", "{\"id\":\"TILL-ONE-CONNECTION\",\"floatCents\":100000}"), "the till opens");
        String found = assertOk(clerk.get("api/counter/subscribers?srn=SRN-P-000001&reason=one%20connection"), "the lookup");
        Matcher m = SERIAL.matcher(found);
        assertTrue(m.find(), found);
        String serial = m.group(1);
        assertOk(clerk.get("api/counter/extension-quote?serial=" + serial + "&years=1&reason=customer%20at%20the%20counter"), "the quote");
        String paymentId = "PAY-ONE-" + UUID.randomUUID();
        String paid = assertOk(clerk.postJson("api/counter/extensions", "{\"paymentId\":\"" + paymentId + "\",\"serial\":\"" + serial
                + "\",\"years\":1,\"cashCents\":5000}"), "the payment");
        assertOk(clerk.postJson("api/counter/receipts", "{\"paymentId\":\"" + paymentId + "\"}"), "the receipt");
        // a void: the supervisor's re-authentication runs in a transaction of its own (a refused try stays counted)
        // inside the void's, and must not need a second connection while the void's holds one
        String txn = (String) Json.readObject(paid).get("transaction");
        assertOk(clerk.postJson("api/counter/voids", "{\"reversalId\":\"VOID-ONE-" + UUID.randomUUID() + "\",\"transaction\":\""
                + txn + "\",\"reason\":\"one connection\",\"supervisor\":\"super1\",\"supervisorPassword\":\"Super#2026\"}"),
                "the void, approved by super1");

        String server = Files.readString(log);
        assertEquals(-1, server.indexOf("RAR5117"), () -> "the server waited for a connection: "
                + server.substring(server.indexOf("RAR5117"), Math.min(server.length(), server.indexOf("RAR5117") + 600)));
    }

    private static String assertOk(HttpResponse<String> r, String what) {
        assertTrue(r.statusCode() / 100 == 2, what + ": HTTP " + r.statusCode() + " " + r.body());
        return r.body();
    }
}

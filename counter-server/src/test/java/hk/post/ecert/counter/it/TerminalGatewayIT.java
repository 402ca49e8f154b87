package hk.post.ecert.counter.it;

import hk.post.ecert.counter.it.screens.SharedIds;
import hk.post.ecert.counter.it.screens.TerminalsScreen;
import hk.post.ecert.counter.it.screens.TopBar;
import hk.post.ecert.devices.wire.Json;
import hk.post.ecert.devices.wire.Protocol;
import hk.post.ecert.terminal.CounterDevices;
import hk.post.ecert.terminal.TerminalAgent;
import hk.post.ecert.terminal.TerminalConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's operator endpoints and the terminal gateway's authentication, on Payara Micro with the real WAR:
 * MicroProfile Health, {@code GET /api/terminals}, and terminals that are unknown, hold a wrong enrolment code or
 * sign with the wrong key being refused.
 */
@ExtendWith(CounterServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(10)   // when it starts in a parallel run (issue 32): see CounterServer
@ResourceLock(CounterServer.SHARED)   // one class at a time on the shared server (its demo terminal)
class TerminalGatewayIT {


    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> terminal(String id) throws Exception {
        HttpResponse<String> r = Operators.get(base, "api/terminals");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        return ((List<Object>) Json.read(r.body())).stream().map(o -> (Map<String, Object>) o)
                .filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void healthIsUpWithTheDatabaseMigrated() throws Exception {
        HttpResponse<String> r = get("health");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> health = Json.readObject(r.body());
        assertEquals("UP", health.get("status"));
        assertTrue(r.body().contains("counter-database"), r.body());
        assertEquals(200, get("login.xhtml").statusCode(), "the login page is served at the context root");
    }

    @Test
    @Order(2)
    void theDemoTerminalIsOfflineUntilItDialsIn() throws Exception {
        assertEquals("offline", terminal("GPO-C01").get("status"));
    }

    @Test
    @Order(3)
    void anUnknownTerminalIsRefused() throws Exception {
        try (WireClient c = new WireClient(Terminals.websocket(base))) {
            Map<String, Object> challenge = c.next();
            assertEquals(Protocol.CHALLENGE, challenge.get("type"));
            Map<String, Object> hello = Protocol.message(Protocol.HELLO);
            hello.put("terminalId", "NOT-A-COUNTER");
            hello.put("signature", c.sign((String) challenge.get("nonce"), "NOT-A-COUNTER"));
            c.send(hello);
            assertEquals(Protocol.CLOSE_UNAUTHORISED, c.awaitClose());
        }
    }

    @Test
    @Order(4)
    void aWrongEnrolmentCodeIsRefused() throws Exception {
        // a terminal not yet enrolled on this server (other classes sharing it may have enrolled the demo counter)
        String id = unenrolledTerminal();
        try (WireClient c = new WireClient(Terminals.websocket(base))) {
            String nonce = (String) c.next().get("nonce");
            Map<String, Object> enrol = Protocol.message(Protocol.ENROL);
            enrol.put("terminalId", id);
            enrol.put("code", "GUESSED-CODE");
            enrol.put("publicKey", c.publicKey());
            enrol.put("signature", c.sign(nonce, id));
            c.send(enrol);
            assertEquals(Protocol.CLOSE_UNAUTHORISED, c.awaitClose());
        }
        assertEquals(false, terminal(id).get("enrolled"));
    }

    @SuppressWarnings("unchecked")
    private String unenrolledTerminal() throws Exception {
        HttpResponse<String> r = Operators.get(base, "api/terminals");
        assertEquals(200, r.statusCode());
        return ((List<Object>) Json.read(r.body())).stream().map(o -> (Map<String, Object>) o)
                .filter(m -> Boolean.FALSE.equals(m.get("enrolled"))).map(m -> (String) m.get("id")).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("no terminal awaits enrolment: " + r.body()));
    }

    @Test
    @Order(5)
    void nothingButAuthenticationIsAcceptedFirst() throws Exception {
        try (WireClient c = new WireClient(Terminals.websocket(base))) {
            c.next();
            Map<String, Object> result = Protocol.message(Protocol.RESULT);
            result.put("terminalId", "GPO-C01");
            result.put("jobId", "JOB-FORGED");
            result.put("outcome", "DONE");
            c.send(result);
            assertEquals(Protocol.CLOSE_UNAUTHORISED, c.awaitClose());
        }
    }

    @Test
    @Order(5)
    void beforeAuthenticationOnlySmallMessagesAreTaken() throws Exception {
        try (WireClient c = new WireClient(Terminals.websocket(base))) {
            c.next();
            Map<String, Object> hello = Protocol.message(Protocol.HELLO);
            hello.put("terminalId", "GPO-C01");
            // four times the 4 KB a hello may have (TerminalEndpoint), and small enough to be written whole before the
            // server reads it: with a 200-KB frame the server could close while the client was still writing, and one
            // suite run saw no close at all in 10 s
            hello.put("signature", "A".repeat(16_384));
            try {
                c.send(hello);
            } catch (Exception closedWhileSending) {
                // the server may close before the whole frame is written
            }
            assertEquals(1009, c.awaitClose(), "a frame too big for a hello closes the connection (1009: message too big)");
        }
    }

    @Test
    @Order(5)
    void aPageUploadIsRefusedOnItsHeadersBeforeItsBodyIsRead() throws Exception {
        // Announce 20 MB but send 1 KB: a server that read the body before checking the signature would wait for the
        // rest; this one answers on the headers alone.
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(15_000);
            String head = "POST " + Protocol.PAGE_UPLOAD_PATH + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: image/png\r\nContent-Length: 20000000\r\nX-Terminal-Id: GPO-C01\r\nX-Job-Id: JOB-X"
                    + "\r\nX-Page: 1\r\nX-Dpi: 300\r\nX-Mode: Gray\r\nX-Sha256: 00\r\nX-Signature: AAAA\r\n\r\n";
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().write(new byte[1024]);
            s.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(status != null && status.contains(" 403"), "refused on the headers: " + status);
        }
    }

    @Test
    @Order(6)
    void theEnrolledTerminalComesOnlineWithItsDevicesAndAnotherKeyIsRefused() throws Exception {
        try (TerminalAgent agent = Terminals.demoTerminal(base)) {
            assertTrue(agent.awaitOnline(Duration.ofSeconds(30)));
            long deadline = System.currentTimeMillis() + 15_000;
            Map<String, Object> t = terminal("GPO-C01");
            while (((List<?>) t.get("devices")).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                t = terminal("GPO-C01");
            }
            assertEquals("online", t.get("status"));
            assertEquals(true, t.get("enrolled"));
            @SuppressWarnings("unchecked")
            Map<String, Object> printer = (Map<String, Object>) ((List<Object>) t.get("devices")).get(0);
            assertEquals("RECEIPT_PRINTER", printer.get("kind"));
            assertEquals("READY", printer.get("state"));

            // The enrolment code is used up, and a PC with another key cannot pass as GPO-C01.
            try (WireClient c = new WireClient(Terminals.websocket(base))) {
                String nonce = (String) c.next().get("nonce");
                Map<String, Object> hello = Protocol.message(Protocol.HELLO);
                hello.put("terminalId", "GPO-C01");
                hello.put("signature", c.sign(nonce, "GPO-C01"));
                c.send(hello);
                assertEquals(Protocol.CLOSE_UNAUTHORISED, c.awaitClose());
            }
            try (WireClient c = new WireClient(Terminals.websocket(base))) {
                String nonce = (String) c.next().get("nonce");
                Map<String, Object> enrol = Protocol.message(Protocol.ENROL);
                enrol.put("terminalId", "GPO-C01");
                enrol.put("code", Terminals.DEMO_CODE);
                enrol.put("publicKey", c.publicKey());
                enrol.put("signature", c.sign(nonce, "GPO-C01"));
                c.send(enrol);
                assertEquals(Protocol.CLOSE_UNAUTHORISED, c.awaitClose(), "a one-time code works once");
            }
            assertEquals("online", terminal("GPO-C01").get("status"), "the genuine terminal stays connected");
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"offline".equals(terminal("GPO-C01").get("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("offline", terminal("GPO-C01").get("status"), "a stopped terminal shows offline");
    }

    @Test
    @Order(7)
    void aSupervisorEnrolsANewCounterPcAndRevokesIt() throws Exception {
        try (Browser chromium = new Browser()) {
            chromium.login(base.toString(), "super1", "Super#2026");
            chromium.driver.findElement(By.id(TopBar.NAV_TERMINALS)).click();
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                    By.id(TerminalsScreen.TID)));
            chromium.driver.findElement(By.id(TerminalsScreen.TID)).sendKeys("GPO-C02");
            chromium.driver.findElement(By.id(TerminalsScreen.COUNTER)).sendKeys("C02");
            chromium.driver.findElement(By.id(TerminalsScreen.ISSUE)).click();
            chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id(SharedIds.CODE)));
            String code = chromium.driver.findElement(By.id(SharedIds.CODE)).getText();
            assertTrue(code.length() >= 10, "a one-time code: " + code);

            Path dir = Files.createTempDirectory("terminal-c02-");
            TerminalConfig config = Terminals.config(base, "GPO-C02", code, dir);
            try (TerminalAgent pc = new TerminalAgent(config, CounterDevices.from(config)).start()) {
                assertTrue(pc.awaitOnline(Duration.ofSeconds(30)), "the new PC enrols with the supervisor's code");
                assertEquals("online", terminal("GPO-C02").get("status"));

                chromium.driver.navigate().refresh();
                chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                        By.id(TerminalsScreen.LIST_1_REVOKE)));
                chromium.driver.findElement(By.id(TerminalsScreen.LIST_1_REVOKE)).click();
                chromium.ajaxSettled();
                long deadline = System.currentTimeMillis() + 15_000;
                while (!"offline".equals(terminal("GPO-C02").get("status")) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals("offline", terminal("GPO-C02").get("status"), "a revoked PC is cut off at once");
                Thread.sleep(3000);
                assertEquals("offline", terminal("GPO-C02").get("status"), "and cannot dial in again");
                assertEquals(false, terminal("GPO-C02").get("enrolled"));
            }
        }
    }
}
